"""End to end: a service is one canonical entity however reports print it, and an accused person
is found by any transliteration of their name (issue 12, "Entities")."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .test_store_cli import _one_line_error, spyglass

pytestmark = pytest.mark.slow  # the real CLI over a database ingested once per module

# Four reports of Chinese cases, each printing the Ministry of State Security its own way, and
# one Russian case.
REPORTS = {
    "mss.txt": "Taiwan jails army officer for MSS spying\n\nTAIPEI, March 3, 2024 - A Taiwanese army major, Lin "
               "Chien-hung, was sentenced to ten years in prison on Monday for spying for the MSS, the Taipei "
               "District Court said.\n",
    "ministry.txt": "US engineer charged with spying for Beijing\n\nWASHINGTON, May 14, 2023 - Federal prosecutors "
                    "charged Arthur Keller, a former navy engineer, with passing secrets to China's Ministry of "
                    "State Security, the Justice Department said on Tuesday.\n",
    "chinese.txt": "German aide arrested on suspicion of spying\n\nBERLIN, April 23, 2024 - German police arrested "
                   "Jian Guo, an aide to a European lawmaker, on suspicion of working for the Chinese Ministry of "
                   "State Security, federal prosecutors said.\n",
    "guoanbu.txt": "Belgian businessman convicted of espionage\n\nBRUSSELS, June 2, 2022 - A Belgian court convicted "
                   "businessman Paul Vermeer of spying for the Guoanbu, China's civilian intelligence agency, and "
                   "sentenced him to four years in prison.\n",
    "fsb.txt": "Russian spy sentenced in Estonia\n\nTALLINN, February 8, 2024 - An Estonian court sentenced Sergei "
               "Ivanov to six years in prison for spying for Russia's FSB, prosecutors said on Thursday.\n",
}
MSS = "svc.cn.mss"


@pytest.fixture(scope="module")
def news_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("services")
    news = folder / "news"
    news.mkdir()
    for name, text in REPORTS.items():
        (news / name).write_text(text, encoding="utf-8")
    db = folder / "news.db"
    done = spyglass("ingest", str(news), "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def db(news_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copy(news_db, copy)
    return copy


def _cases(db: Path, *filters: str) -> list[dict]:
    done = spyglass("cases", "--format", "jsonl", *filters, db=db)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def _named(db: Path, name: str) -> dict:
    [case] = [c for c in _cases(db) if any(name in n for n in c["accused_names"])]
    return case


@pytest.mark.parametrize("given", ["MSS", "mss", "Ministry of State Security", "Chinese Ministry of State Security",
                                   "Guoanbu", "国家安全部", MSS])
def test_the_service_filter_finds_every_case_of_the_service_however_printed(news_db: Path, given: str) -> None:
    found = _cases(news_db, "--service", given)
    assert sorted(n for c in found for n in c["accused_names"]) == ["Arthur Keller", "Jian Guo", "Lin Chien-hung",
                                                                    "Paul Vermeer"]
    assert {c["sponsor_service"] for c in found} == {MSS}  # stored as the canonical id


def test_an_unknown_service_is_a_one_line_error(news_db: Path) -> None:
    _one_line_error(spyglass("cases", "--service", "Ministry of Magic", db=news_db), 2,
                    "unknown service 'Ministry of Magic' in --service")
    _one_line_error(spyglass("watch", "add", "magic", "--service", "Ministry of Magic", db=news_db), 2,
                    "unknown service 'Ministry of Magic'")


def test_a_watchlist_saves_the_service_by_its_id(db: Path) -> None:
    assert spyglass("watch", "add", "beijing", "--service", "Guoanbu", db=db).returncode == 0
    done = spyglass("watch", "list", db=db)
    assert done.returncode == 0 and MSS in done.stdout, done.stdout


def test_a_correction_names_the_service_in_any_of_its_names(db: Path) -> None:
    ivanov = _named(db, "Ivanov")
    done = spyglass("case", "edit", ivanov["id"], "--set", "sponsor_service=Служба внешней разведки",
                    "--why", "court papers", db=db)
    assert done.returncode == 0, done.stderr
    assert _named(db, "Ivanov")["sponsor_service"] == "svc.ru.svr"
    _one_line_error(spyglass("case", "edit", ivanov["id"], "--set", "sponsor_service=Ministry of Magic",
                             "--why", "x", db=db), 2, "unknown service 'Ministry of Magic'")


def test_exports_name_the_service(news_db: Path) -> None:
    done = spyglass("export", "--format", "csv", "--service", "MSS", db=news_db)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 4
    assert {(r["sponsor_service"], r["sponsor_service_name"]) for r in rows} == {(MSS, "Ministry of State Security")}
    stix = spyglass("export", "--format", "stix", db=news_db)
    assert stix.returncode == 0, stix.stderr
    actors = [o for o in json.loads(stix.stdout)["objects"]
              if o["type"] == "threat-actor" and "nation-state" in o.get("threat_actor_types", [])]
    names = [a["name"] for a in actors]
    assert names.count("Ministry of State Security") == 1 and MSS not in names
    mss = next(a for a in actors if a["name"] == "Ministry of State Security")
    assert {"MSS", "Guoanbu", "国家安全部"} <= set(mss["aliases"])


@pytest.mark.parametrize("given", ["ivanov", "IVANOV", "иванов", "Sergei Ivanov", "Sergey Ivanov", "Сергей Иванов",
                                   "Sergej Iwanow", "ivanov sergei"])
def test_the_person_filter_reads_any_transliteration(news_db: Path, given: str) -> None:
    assert [n for c in _cases(news_db, "--person", given) for n in c["accused_names"]] == ["Sergei Ivanov"]


def test_names_stored_in_their_own_script_are_found_in_latin_letters(db: Path) -> None:
    for name, value in (("Ivanov", "Иванов Сергей"), ("Vermeer", "王建国")):
        done = spyglass("case", "edit", _named(db, name)["id"], "--set", f"accused_names={value}",
                        "--why", "as printed in the original", db=db)
        assert done.returncode == 0, done.stderr
    for given, expected in (("ivanov", "Иванов Сергей"), ("Sergei Ivanov", "Иванов Сергей"),
                            ("Wang Jianguo", "王建国"), ("wang jian-guo", "王建国"), ("王建国", "王建国")):
        assert [n for c in _cases(db, "--person", given) for n in c["accused_names"]] == [expected], given


@pytest.fixture
def web(news_db: Path) -> Iterator[httpx.Client]:
    """The dashboard and API over the ingested news, as a loopback browser reaches them."""
    from spyglass.serve import create_app
    from spyglass.settings import load_settings

    from ..serve.conftest import client_for

    app = create_app(str(news_db), load_settings(db=str(news_db)))
    with client_for(app) as http:
        yield http
    app.state.stores.close()


def test_the_service_facet_lists_each_service_once_by_name(web: httpx.Client) -> None:
    facets = web.get("/api/v1/cases").json()["facets"]["service"]
    assert facets == {MSS: 4, "svc.ru.fsb": 1}
    rows = web.get("/api/v1/entities", params={"kind": "service"}).json()["items"]
    assert sorted((r["id"], r["name"], r["cases"]) for r in rows) == [
        (MSS, "Ministry of State Security", 4), ("svc.ru.fsb", "Federal Security Service", 1)]
    page = web.get("/cases", headers={"accept": "text/html"}).text
    facet = page[page.index('data-facet="service"'):]
    facet = facet[: facet.index("</section>")]
    assert facet.count("Ministry of State Security") == 1 and "svc.cn.mss</a>" not in facet


def test_the_service_page_shows_its_name_country_aliases_and_cases(web: httpx.Client) -> None:
    page = web.get(f"/services/{MSS}", headers={"accept": "text/html"}).text
    assert "<h1>Ministry of State Security" in page and "China" in page and "Guoanbu" in page
    assert '<span lang="ru">Министерство государственной безопасности Китая</span>' in page  # names by language
    assert all(name in page for name in ("Arthur Keller", "Jian Guo", "Lin Chien-hung", "Paul Vermeer"))
    assert "Sergei Ivanov" not in page
    moved = web.get("/services/MSS", headers={"accept": "text/html"})
    assert moved.status_code == 308 and moved.headers["location"] == f"/services/{MSS}"
    assert web.get("/services/svc.xx.nothing", headers={"accept": "text/html"}).status_code == 404


def test_the_api_takes_any_name_of_a_service_and_refuses_an_unknown_one(web: httpx.Client) -> None:
    found = web.get("/api/v1/cases", params={"service": "Ministry of State Security"}).json()
    assert found["total"] == 4
    assert web.get("/api/v1/cases", params={"service": "Ministry of Magic"}).status_code == 422


def test_an_imported_case_printing_its_service_gets_the_id(news_db: Path, tmp_path: Path) -> None:
    exported = spyglass("export", "--format", "jsonl", "--person", "Vermeer", db=news_db)
    assert exported.returncode == 0, exported.stderr
    line = json.loads(exported.stdout)
    line["sponsor_service"] = "Guoanbu"  # as an export from before canonical services has it
    older = tmp_path / "older.jsonl"
    older.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    done = spyglass("import", str(older), "--db", str(fresh))
    assert done.returncode == 0, done.stderr
    assert [c["sponsor_service"] for c in _cases(fresh, "--service", "MSS")] == [MSS]


def test_case_show_names_the_service(news_db: Path) -> None:
    done = spyglass("case", "show", _named(news_db, "Vermeer")["id"], db=news_db)
    assert done.returncode == 0, done.stderr
    assert f"sponsor_service: Ministry of State Security ({MSS})" in done.stdout


def test_a_correction_through_the_api_names_the_service_in_any_of_its_names(db: Path) -> None:
    from spyglass.serve import create_app
    from spyglass.settings import load_settings
    from spyglass.store import open_store

    from ..serve.conftest import client_for

    store = open_store(str(db))
    token = store.create_token("tests")
    store.close()
    case_id = _named(db, "Ivanov")["id"]
    app = create_app(str(db), load_settings(db=str(db)))
    with client_for(app) as http:
        auth = {"Authorization": f"Bearer {token}"}
        body = {"field": "sponsor_service", "value": "Служба внешней разведки", "why": "court papers"}
        done = http.patch(f"/api/v1/cases/{case_id}", json=body, headers=auth)
        assert done.status_code == 200, done.text
        assert done.json()["sponsor_service"] == "svc.ru.svr"
        refused = http.patch(f"/api/v1/cases/{case_id}", json={**body, "value": "Ministry of Magic"}, headers=auth)
        assert refused.status_code == 422 and "unknown service" in refused.text
    app.state.stores.close()
