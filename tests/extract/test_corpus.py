"""Over the development corpus: every gold unit is found, with its date, and no furniture leaks.

Gold (``../shared/corpus/gold.jsonl``) names each unit by file and item index (posts and feed
items in file order); ``"item": "teasers"`` lines say that the file has teaser fragments.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from spyglass.pipeline import articles
from spyglass.records import Article, Rejected
from spyglass.settings import Settings


@pytest.fixture(scope="module")
def found(corpus_dir: Path, gold: list[dict]) -> dict[str, list[Article]]:
    """Articles of every gold file, by file path relative to the corpus."""
    files = sorted({line["file"] for line in gold})
    by_file: dict[str, list[Article]] = defaultdict(list)
    rejected = []
    for result in articles([str(corpus_dir / name) for name in files], Settings()):
        if isinstance(result, Rejected):
            rejected.append(result.line())
            continue
        by_file[str(Path(result.source).relative_to(corpus_dir))].append(result)
    assert not rejected
    return by_file


def test_every_gold_unit_is_found_with_its_date(found: dict[str, list[Article]], gold: list[dict]) -> None:
    problems = []
    for line in gold:
        if line["item"] == "teasers":
            continue
        units = {a.item: a for a in found[line["file"]] if a.kind != "teaser"}
        article = units.get(line["item"])
        if article is None:
            problems.append(f"{line['file']}#{line['item']}: missing")
        elif line.get("published") and article.published != line["published"]:
            problems.append(f"{line['file']}#{line['item']}: date {article.published} != {line['published']}")
    assert problems == []


def test_files_with_teasers_in_gold_yield_teaser_articles(found: dict[str, list[Article]], gold: list[dict]) -> None:
    for line in gold:
        if line["item"] == "teasers":
            teasers = [a for a in found[line["file"]] if a.kind == "teaser"]
            assert teasers, line["file"]
            assert all(t.partial and t.published is None for t in teasers)
            posts = [a for a in found[line["file"]] if a.kind == "post"]
            # teasers are numbered after the posts
            assert min(t.item for t in teasers) == len(posts)


def test_the_seed_dump_yields_two_posts_with_metadata_and_its_teasers(found: dict[str, list[Article]]) -> None:
    seed = found["text/seed-intelnews-2025.txt"]
    posts = [a for a in seed if a.kind == "post"]
    assert [(p.item, p.published, p.author, p.comment_count) for p in posts] == [
        (0, "2025-03-31", "Joseph Fitsanakis", 2),
        (1, "2025-06-09", "Joseph Fitsanakis", 6),
    ]
    assert posts[0].title == "Taiwan jails soldiers guarding president’s office for spying for China"
    assert posts[1].title == "Leaked counterintelligence document reveals Russian concerns about Chinese spying"
    assert {"China", "FSB", "DKRO (Russia)", "Russia"} <= set(posts[1].tags)
    assert posts[0].text.startswith("FOUR TAIWANESE SOLDIERS")
    teasers = [a for a in seed if a.kind == "teaser"]
    assert len(teasers) == 11
    assert teasers[0].text.startswith("MUCH HAS HAPPENED IN the West")
    assert any(t.text == "TANG YUANJUN WAS" for t in teasers)
    # a teaser is not part of the post it sits under
    assert "MUCH HAS HAPPENED" not in posts[0].text


@pytest.mark.parametrize("furniture", [
    "► Author", "Permalink", "Read more of this post", "Filed under", "Tagged with", "Comments are closed",
    "Recent Posts", "Image caption:", "Advertisement", "Related:",
])
def test_bylines_and_page_furniture_never_reach_text(found: dict[str, list[Article]], furniture: str) -> None:
    leaks = [f"{a.source}#{a.item}" for arts in found.values() for a in arts if furniture in a.text]
    assert leaks == []


@pytest.mark.parametrize(("file", "comment"), [
    ("html/wp-01-counterspy-notebook-estonia-morozov.html", "Herman Simm got twelve"),
    ("html/wp-02-dead-drop-review-toebbe-sentencing.html", "later reported to be Brazil"),
    ("html/wp-02-dead-drop-review-toebbe-sentencing.html", "The sandwich detail will be"),
    ("html/intl-07-el-faro-del-sur-rocha-condena-es.html", "Cuarenta años y nadie"),
])
def test_reader_comments_stay_out_of_html_text(found: dict[str, list[Article]], file: str, comment: str) -> None:
    (article,) = found[file]
    assert len(article.text) > 500
    assert comment not in article.text


@pytest.mark.parametrize(("file", "expected"), [
    ("html/wp-01-counterspy-notebook-estonia-morozov.html",
     {"comment_count": 4, "categories": ("Baltics", "Court cases", "Russia"), "author": "Kristjan Vahter"}),
    ("html/wp-03-carnet-renseignement-dgse-chine-fr.html", {"language": "fr", "comment_count": 3}),
    ("html/news-05-elbland-kurier-jian-g-urteil-de.html", {"language": "de", "site_name": "Elbland Kurier"}),
    ("html/intl-07-el-faro-del-sur-rocha-condena-es.html", {"language": "es", "comment_count": 3}),
    ("html/intl-08-gazzetta-adriatica-biot-cassazione-it.html", {"language": "it"}),
    ("html/paywall-01-strategic-review-debbins.html", {"partial": True, "author": "Eleanor Voss"}),
    ("html/news-01-meridian-post-prisoner-swap.html", {"partial": False, "language": "en"}),
])
def test_html_metadata(found: dict[str, list[Article]], file: str, expected: dict) -> None:
    (article,) = found[file]
    assert {key: getattr(article, key) for key in expected} == expected


def test_wordpress_tags_come_from_the_post_not_the_tag_cloud(found: dict[str, list[Article]]) -> None:
    (article,) = found["html/wp-01-counterspy-notebook-estonia-morozov.html"]
    assert "Viacheslav Morozov" in article.tags
    assert "Books" not in article.tags  # a sidebar tag-cloud entry


def test_paywalled_page_keeps_only_the_visible_part(found: dict[str, list[Article]]) -> None:
    (article,) = found["html/paywall-01-strategic-review-debbins.html"]
    assert "Debbins" in article.text
    assert "subscription" not in article.text.lower()


def test_next_data_and_consent_banners_stay_out(found: dict[str, list[Article]]) -> None:
    texts = [a.text for arts in found.values() for a in arts]
    assert not any("__NEXT_DATA__" in t or '"props"' in t for t in texts)
    assert not any("we use cookies" in t.lower() for t in texts)


def test_ids_are_unique_and_fingerprints_are_64_bit_hex(found: dict[str, list[Article]]) -> None:
    every = [a for arts in found.values() for a in arts]
    assert len({a.id for a in every}) == len(every)
    assert all(len(a.fingerprint) == 16 and int(a.fingerprint, 16) >= 0 for a in every)


def test_ids_do_not_depend_on_the_path_a_file_was_given_by(corpus_dir: Path, tmp_path: Path) -> None:
    original = corpus_dir / "text/seed-intelnews-2025.txt"
    copy = tmp_path / "elsewhere" / original.name
    copy.parent.mkdir()
    copy.write_bytes(original.read_bytes())
    ids = [[a.id for a in articles([str(path)], Settings()) if isinstance(a, Article)] for path in (original, copy)]
    assert ids[0] == ids[1] and len(ids[0]) == 13
