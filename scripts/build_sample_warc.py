"""Write the bundled sample WARC archive (src/spyglass/samples/warc/) from the pages below.

Run it after editing a page: `python scripts/build_sample_warc.py`. Record ids and dates are
fixed so the archive is reproducible byte for byte.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent.parent / "src/spyglass/samples/warc/illegals-2010.warc.gz"

PAGES = [
    (
        "https://harbor-times.example.com/2010/06/29/ten-russian-agents-arrested",
        "2010-06-29T18:00:00Z",
        """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ten accused Russian sleeper agents arrested in US | Harbor Times</title>
<meta property="og:site_name" content="Harbor Times">
<meta property="article:published_time" content="2010-06-29T12:00:00-04:00">
</head><body><header><a href="/">Harbor Times</a></header><main><article>
<h1>Ten accused Russian sleeper agents arrested in US</h1>
<p class="byline">By Ruth Adeyemi, June 29, 2010</p>
<p>NEW YORK - The FBI has arrested ten people accused of living for years under false identities in American suburbs as deep-cover agents of Russia's foreign intelligence service, the SVR. The suspects, among them a 28-year-old woman who ran a real estate business in Manhattan, Anna Chapman, were detained on Sunday in raids in New York, New Jersey, Massachusetts and Virginia.</p>
<p>Prosecutors charged them with conspiring to act as unregistered agents of a foreign government. According to the complaints, the SVR told the agents to build ties with policymakers and send back what they learned using invisible ink, radio transmissions and private wireless networks. An eleventh suspect was detained in Cyprus.</p>
</article></main><footer>(c) Harbor Times</footer></body></html>""",
    ),
    (
        "https://continental-review.example.eu/world/2010/07/09/vienna-spy-swap",
        "2010-07-09T20:00:00Z",
        """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Russian agents flown home in Vienna spy swap | Continental Review</title>
<meta property="og:site_name" content="Continental Review">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Russian agents flown home in Vienna spy swap","datePublished":"2010-07-09T19:30:00+02:00",
"author":{"@type":"Person","name":"Tomas Lindqvist"}}</script>
</head><body><header><a href="/">Continental Review</a></header><main><article>
<h1>Russian agents flown home in Vienna spy swap</h1>
<p>VIENNA - The ten Russian agents arrested in the United States last month were flown to Moscow on Friday in the largest prisoner swap between the two countries since the Cold War. Hours after they pleaded guilty in a New York court to acting as agents of a foreign government, the ten were put on a plane to Vienna, where they were exchanged on the tarmac for four people who had been jailed in Russia for contacts with Western intelligence.</p>
<p>Among those sent home was Anna Chapman, whose photographs had made her the public face of the SVR network. The agents were deported under the deal and agreed never to return to the United States without permission.</p>
</article></main></body></html>""",
    ),
]


def _record(writer: WARCWriter, url: str, date: str, html: str) -> None:
    body = html.encode("utf-8")
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={
            "WARC-Date": date,
            "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>",
        },
    )
    writer.write_record(record)


def main() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, date, html in PAGES:
        _record(writer, url, date, html)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(buffer.getvalue())
    print(f"wrote {OUT} ({len(buffer.getvalue())} bytes)")


if __name__ == "__main__":
    main()
