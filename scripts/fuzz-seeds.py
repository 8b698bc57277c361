#!/usr/bin/env python3
"""Writes small valid inputs for each fuzz target (scripts/fuzz.sh) into DIR/<Target>/."""
import gzip, io, json, os, sys, tarfile, zipfile

out = sys.argv[1] if len(sys.argv) > 1 else ".build-fuzz/seeds"
docs = [
    {"id": "a1", "title": "Rates rise", "date": "March 25, 2023", "outlet": "Wire", "url": "https://x.test/a1",
     "text": "Central bank raises rates.\n\nMarkets fell \"sharply\", traders said."},
    {"id": "a2", "headline": "Crop report", "published": "25 Mar 2023 14:02", "content": {"body": "Rain helped crops."}},
]
jsonl = "".join(json.dumps(d) + "\n" for d in docs).encode()
jarray = json.dumps(docs, indent=1).encode()
csv = b'id,title,date,text\na1,"Rates, rise",2023-03-25,"Line one\n""quoted"" two"\na2,x,bad date,short\n'
html = b'<html><head><title>Rates rise</title><meta property="og:site_name" content="Wire"></head><body><nav>menu</nav><h1>Rates rise</h1><p>Central bank &amp; markets&#8212;up&nbsp;1%.</p><script>var x="<p>";</script><p>Second para.</p><footer>c</footer></body></html>'

def tar(files, fmt=tarfile.USTAR_FORMAT):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=fmt) as t:
        for name, data in files:
            info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
    return b.getvalue()

def zipb(files):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(name, data)
    return b.getvalue()

def warc(records):
    parts = []
    for uri, body in records:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2023-03-25T14:02:00Z\r\n"
                f"WARC-Record-ID: <urn:uuid:{len(parts)}>\r\nContent-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n").encode()
        parts.append(head + http + b"\r\n\r\n")
    return b"".join(parts)

def zip64(files):
    # Force ZIP64 records (extra fields, ZIP64 end record and locator) on a small archive.
    old = (zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT)
    zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = 0, 0
    try:
        return zipb(files)
    finally:
        zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = old

files = [("a/one.txt", b"Plain text story.\n"), ("b.jsonl", jsonl), ("c.csv", csv), ("d.html", html)]
seeds = {
    "Gzip": [b"\0" + gzip.compress(jsonl), b"\1" + gzip.compress(tar(files)), b"\0" + gzip.compress(b"x") + gzip.compress(jsonl)],
    "Tar": [tar(files), tar([("long/" + "n" * 120 + ".txt", b"long name")], tarfile.GNU_FORMAT),
            tar([("p/" + "q" * 120 + ".txt", b"pax name")], tarfile.PAX_FORMAT), tar([("in.zip", zipb(files))])],
    "Zip": [zipb(files), zipb([("inner.tar", tar(files)), ("x.json", jarray)]), zip64(files)],
    "CSV": [csv, csv.replace(b",", b"\t")],
    "JSON": [b"\0" + jsonl, b"\1" + jarray, b"\1" + json.dumps(docs[0]).encode()],
    "WARC": [warc([("https://x.test/a", html), ("https://x.test/b", b"<p>Hi</p>")])],
    "HTML": [html, b"<p>a &eacute; &#x41; &#65; &unknown; <b>bold</b></p><!-- c --><br/>x"],
}
for target, items in seeds.items():
    os.makedirs(os.path.join(out, target), exist_ok=True)
    for i, data in enumerate(items):
        with open(os.path.join(out, target, f"seed{i}"), "wb") as f:
            f.write(data)
