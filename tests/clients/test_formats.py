"""The export formats, read by their real clients: jsonschema, networkx (GraphML), graphviz (SVG
and PNG through `shiji --render` / `shiji render`), kuzu (an embedded Cypher database bulk-loading
the Neo4j CSVs), csv, headless Chromium (index.html, driven by tests/browser/check.mjs), and a
graph whose names are hostile (markup, quotes, backslashes, line breaks, bidi controls).

Screenshots go to tests/browser/output/.
"""
import csv
import io
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import jsonschema
import kuzu
import networkx as nx
import pytest
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parents[2]
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BIN = TARGET / "release" / "shiji"
SHOTS = ROOT / "tests" / "browser" / "output"
CHECK = ROOT / "tests" / "browser" / "check.mjs"

HOSTILE = "<script>alert(1)</script><b>\"X\\公司</b>'\n第二行\u202e反转\u2028&amp;"
HOSTILE_PERSON = "Bobby'); DROP TABLE--\r\n\u2066李\\\"四\u2069 </graphml>"


def shiji(*args, env=None):
    return subprocess.run([str(BIN), *args], cwd=ROOT, capture_output=True, env=env)


@pytest.fixture(scope="module", params=["committed", "fresh"])
def out_dir(request):
    if request.param == "committed":
        yield ROOT / "out"
    else:
        d = pathlib.Path(tempfile.mkdtemp(prefix="shiji-formats-"))
        r = shiji("build", "--out", str(d), "--render")
        assert r.returncode == 0, r.stderr.decode()
        yield d
        shutil.rmtree(d)


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def test_graph_and_timeline_match_their_json_schema(out_dir):
    graph_schema = load(ROOT / "schema" / "graph.schema.json")
    timeline_schema = load(ROOT / "schema" / "timeline.schema.json")
    registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in (graph_schema, timeline_schema)]
    )
    jsonschema.Draft202012Validator.check_schema(graph_schema)
    jsonschema.Draft202012Validator.check_schema(timeline_schema)
    jsonschema.Draft202012Validator(graph_schema, registry=registry).validate(load(out_dir / "graph.json"))
    jsonschema.Draft202012Validator(timeline_schema, registry=registry).validate(load(out_dir / "timeline.json"))
    # and the schema rejects what is not a graph
    bad = load(out_dir / "graph.json")
    bad["nodes"][0]["kind"] = "thing"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(graph_schema, registry=registry).validate(bad)


def test_networkx_loads_graphml_with_the_counts_of_graph_json(out_dir):
    data = load(out_dir / "graph.json")
    g = nx.node_link_graph(data, edges="edges")
    h = nx.read_graphml(out_dir / "graph.graphml")
    assert h.number_of_nodes() == g.number_of_nodes() == len(data["nodes"])
    assert h.number_of_edges() == g.number_of_edges() == len(data["edges"])
    assert h.is_directed()
    n = h.nodes["org:出门问问"]
    assert n["name"] == "出门问问" and n["type"] == "organization"
    assert isinstance(json.loads(n["evidence"]), list)
    assert h.has_edge("person:李志飞", "org:出门问问")


def test_graphviz_renders_dot_to_png_without_warning(out_dir):
    r = subprocess.run(["dot", "-Tpng", str(out_dir / "graph.dot")], capture_output=True)
    assert r.returncode == 0 and r.stderr.decode().strip() == "", r.stderr.decode()
    assert r.stdout[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_writes_svg_and_png_with_chinese_names(out_dir):
    if out_dir.name == "out":
        pytest.skip("out/ holds the cheap formats only (svg/png need --render)")
    svg = (out_dir / "graph.svg").read_text(encoding="utf-8")
    assert "出门问问" in svg and "李志飞" in svg and "Legend" in svg
    assert (out_dir / "graph.png").read_bytes()[:4] == b"\x89PNG"


def test_render_focus_and_max_nodes():
    d = pathlib.Path(tempfile.mkdtemp(prefix="shiji-focus-"))
    try:
        r = shiji("render", str(ROOT / "out"), "--out", str(d), "--focus", "红杉", "--depth", "1")
        assert r.returncode == 0, r.stderr.decode()
        svg = (d / "graph.svg").read_text(encoding="utf-8")
        assert "红杉资本" in svg and "出门问问" in svg
        assert "苏州" not in svg  # not a neighbour
        r = shiji("render", str(ROOT / "out"), "--out", str(d), "--max-nodes", "5", "--format", "svg")
        assert r.returncode == 0, r.stderr.decode()
        svg = (d / "graph.svg").read_text(encoding="utf-8")
        nodes = [x for x in svg.split('<g id="node')[1:] if "legend " not in x.split("</title>")[0]]
        assert len(nodes) == 5
        assert "出门问问" in svg  # the most connected node
        r = shiji("render", str(ROOT / "out"), "--out", str(d), "--focus", "没有这个名字")
        assert r.returncode == 1 and "没有这个名字" in r.stderr.decode()
    finally:
        shutil.rmtree(d)


def test_render_without_graphviz_names_the_packages():
    d = pathlib.Path(tempfile.mkdtemp(prefix="shiji-nodot-"))
    try:
        env = dict(os.environ, PATH=str(d))
        r = shiji("render", str(ROOT / "out"), "--out", str(d), env=env)
        assert r.returncode == 1
        err = r.stderr.decode()
        assert "graphviz" in err and "fonts-wqy-zenhei" in err
        assert not (d / "graph.svg").exists()
    finally:
        shutil.rmtree(d)


def kuzu_load(out_dir, db_dir):
    """A kuzu database from the Neo4j bulk-import CSVs: one node table and one relationship
    table whose columns follow the CSV headers (`id:ID` → id, `:LABEL` → labels, ...)."""

    def column(h):
        name, _, kind = h.partition(":")
        name = name or {"LABEL": "labels", "START_ID": "from_id", "END_ID": "to_id", "TYPE": "rel"}.get(kind, kind)
        ty = {"int": "INT64", "float": "DOUBLE"}.get(kind, "STRING")
        return name, ty

    with open(out_dir / "nodes.csv", encoding="utf-8", newline="") as f:
        node_cols = [column(h) for h in next(csv.reader(f))]
    with open(out_dir / "edges.csv", encoding="utf-8", newline="") as f:
        edge_cols = [column(h) for h in next(csv.reader(f))][2:]
    db = kuzu.Database(str(db_dir))
    conn = kuzu.Connection(db)
    cols = ", ".join(f"{n} {t}" for n, t in node_cols)
    conn.execute(f"CREATE NODE TABLE Node({cols}, PRIMARY KEY (id))")
    cols = ", ".join(f"{n} {t}" for n, t in edge_cols)
    conn.execute(f"CREATE REL TABLE Rel(FROM Node TO Node, {cols})")
    opts = "(header=true, parallel=false)"
    conn.execute(f"COPY Node FROM '{out_dir / 'nodes.csv'}' {opts}")
    conn.execute(f"COPY Rel FROM '{out_dir / 'edges.csv'}' {opts}")
    return db, conn


def rows(result):
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def test_kuzu_bulk_loads_the_neo4j_csvs_and_answers_cypher(out_dir):
    d = pathlib.Path(tempfile.mkdtemp(prefix="shiji-kuzu-"))
    try:
        db, conn = kuzu_load(out_dir, d / "db")
        data = load(out_dir / "graph.json")
        assert rows(conn.execute("MATCH (n:Node) RETURN count(n)"))[0][0] == len(data["nodes"])
        assert rows(conn.execute("MATCH ()-[r:Rel]->() RETURN count(r)"))[0][0] == len(data["edges"])
        # which organizations did 红杉资本 invest in?
        q = (
            "MATCH (a:Node)-[r:Rel]->(b:Node) WHERE a.name = $name AND r.rel = 'INVESTOR_IN' "
            "AND b.labels CONTAINS 'Organization' RETURN b.name ORDER BY b.name"
        )
        assert rows(conn.execute(q, {"name": "红杉资本"})) == [["出门问问"]]
        # and through the funding event: who invested in 出门问问?
        q = (
            "MATCH (e:Node)-[:Rel {type: 'investor'}]->(i:Node), (e)-[:Rel {type: 'org'}]->(o:Node {name: '出门问问'}) "
            "WHERE e.type = 'funding' RETURN DISTINCT i.name ORDER BY i.name"
        )
        assert ["红杉资本"] in rows(conn.execute(q))
        conn.close()
        db.close()
    finally:
        shutil.rmtree(d)


def test_cypher_script_has_one_statement_per_node_and_edge(out_dir):
    lines = (out_dir / "graph.cypher").read_text(encoding="utf-8").splitlines()
    data = load(out_dir / "graph.json")
    merges = [l for l in lines if l.startswith("MERGE (n:Shiji")]
    matches = [l for l in lines if l.startswith("MATCH (a:Shiji")]
    assert len(merges) == len(data["nodes"]) and len(matches) == len(data["edges"])
    assert all(l.endswith(";") for l in merges + matches)


def test_jsonld_uses_schema_org_types(out_dir):
    doc = load(out_dir / "graph.jsonld")
    assert doc["@context"]["@vocab"] == "https://schema.org/"
    types = {x["@type"] for x in doc["@graph"]}
    assert {"Person", "Organization", "Product", "Place", "Event"} <= types
    founding = next(x for x in doc["@graph"] if x.get("identifier") == "event:founding:2012-10:出门问问")
    assert founding["startDate"] == "2012-10"
    ids = {x["@id"] for x in doc["@graph"]}
    for x in doc["@graph"]:
        for v in x.values():
            if isinstance(v, list):
                for ref in v:
                    if isinstance(ref, dict) and "@id" in ref:
                        assert ref["@id"] in ids


def test_timelinejs_keeps_the_grain_of_dates(out_dir):
    tl = load(out_dir / "timeline.json")
    tj = load(out_dir / "timeline.tljs.json")
    by_id = {e["unique_id"]: e for e in tj["events"]}
    dated = [e for e in tl if e["date"] and e["date"]["from"]]
    assert len(by_id) == len(dated) > 0
    for e in dated:
        sd = by_id[e["id"]]["start_date"]
        grain = e["date"]["grain"]
        if grain == "year":
            assert set(sd) == {"year"}, sd
        if grain == "month":
            assert set(sd) == {"year", "month"}, sd
        if grain == "day":
            assert set(sd) == {"year", "month", "day"}, sd
        assert by_id[e["id"]]["group"] == e["type"]


def test_csv_tables_have_one_row_per_event_and_entity(out_dir):
    data = load(out_dir / "graph.json")
    with open(out_dir / "events.csv", encoding="utf-8", newline="") as f:
        events = list(csv.DictReader(f))
    with open(out_dir / "entities.csv", encoding="utf-8", newline="") as f:
        entities = list(csv.DictReader(f))
    assert [e["id"] for e in events] == [e["id"] for e in load(out_dir / "timeline.json")]
    assert len(entities) == sum(1 for n in data["nodes"] if n["kind"] == "entity")
    assert any(e["name"] == "出门问问" and int(e["degree"]) > 5 for e in entities)


def check_page(html, shot_name, name=None):
    if not (ROOT / "tests" / "browser" / "node_modules" / "playwright-core").is_dir():
        pytest.fail("playwright-core is not installed: (cd tests/browser && npm ci)")
    if shutil.which("chromium") is None and not os.environ.get("CHROMIUM"):
        pytest.fail("chromium is not installed: apt-get install chromium")
    shots = SHOTS / shot_name
    args = ["node", str(CHECK), str(html), str(shots)] + (["--name", name] if name else [])
    r = subprocess.run(args, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    report = json.loads(r.stdout.decode())  # one line (splitlines would split at U+2028)
    assert report["pageErrors"] == [] and report["console"] == [], report
    assert report["requests"] == [], report  # nothing asked of the network
    assert report["dialogs"] == [], report  # no alert() ran
    assert report["errorBanner"] == ""
    assert report["canvas"] and report["inkedPixels"] > 1000, report  # the graph is drawn
    assert report["markers"] == report["events"] > 0  # every event is on the timeline
    assert report["lanes"] > 0
    f = report["filters"]  # filters by date range and by type
    assert f["all"] == f["afterReset"] == report["events"], f
    assert 0 < f["from2019"] == f["expected2019"] < f["all"], f
    assert f["nodesFrom2019"] < report["nodes"], f
    assert f["withoutFirstType"] == f["all"] - f["firstTypeCount"], f
    ev = report["eventDetails"]
    assert ev["selected"] == report["clicked"]
    assert ev["marks"] and ev["sentences"], ev  # the evidence, span highlighted
    assert all(m in s for m, s in zip(ev["marks"], ev["sentences"]))
    assert pathlib.Path(report["screenshot"]).stat().st_size > 10000
    return report


def test_page_opens_offline_and_shows_graph_timeline_and_evidence(out_dir):
    report = check_page(out_dir / "index.html", "committed" if out_dir.name == "out" else "fresh")
    assert report["nodes"] == len(load(out_dir / "graph.json")["nodes"])


def test_page_is_self_contained(out_dir):
    html = (out_dir / "index.html").read_text(encoding="utf-8")
    assert html.count("<script") == 3  # the data, vis-network, the page
    for needle in ("src=\"http", "href=\"http", "src='http", "@import", "sourceMappingURL"):
        assert needle not in html


def hostile_graph():
    data = load(ROOT / "out" / "graph.json")
    doc = data["graph"]["documents"][0]["id"]
    sentence = f"{HOSTILE}投资了{HOSTILE_PERSON}。"
    ev = lambda text: [{"doc": doc, "start": 0, "end": len(text), "text": text, "sentence": sentence, "rule": "test"}]
    data["nodes"] += [
        {"id": f"org:{HOSTILE}", "kind": "entity", "type": "organization", "subtype": "company",
         "name": HOSTILE, "aliases": [HOSTILE_PERSON], "mentions": 1, "documents": [doc], "evidence": ev(HOSTILE)},
        {"id": f"person:{HOSTILE_PERSON}", "kind": "entity", "type": "person", "name": HOSTILE_PERSON,
         "aliases": [], "mentions": 1, "documents": [doc], "evidence": ev(HOSTILE_PERSON)},
        {"id": f"event:funding:2021:{HOSTILE}", "kind": "event", "type": "funding", "name": sentence,
         "date": {"text": "2021年", "start": 0, "end": 5, "type": "date", "value": "2021", "grain": "year",
                  "mod": None, "from": "2021-01-01", "to": "2021-12-31", "anchor": "absolute"},
         "confidence": 0.5, "rule": "test", "attributes": {"amount": HOSTILE}, "documents": [doc], "evidence": ev(sentence)},
    ]
    data["edges"] += [
        {"source": f"event:funding:2021:{HOSTILE}", "target": f"org:{HOSTILE}", "key": 0, "type": "investor", "evidence": ev(HOSTILE)},
        {"source": f"event:funding:2021:{HOSTILE}", "target": f"person:{HOSTILE_PERSON}", "key": 0, "type": "person", "evidence": ev(HOSTILE_PERSON)},
        {"source": f"org:{HOSTILE}", "target": "org:出门问问", "key": 0, "type": "investor_in", "evidence": ev(HOSTILE)},
    ]
    return data


def test_hostile_names_stay_text_in_every_format():
    d = pathlib.Path(tempfile.mkdtemp(prefix="shiji-hostile-"))
    try:
        data = hostile_graph()
        (d / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        r = shiji("render", str(d), "--format", "all,svg,png")
        assert r.returncode == 0, r.stderr.decode()
        n, m = len(data["nodes"]), len(data["edges"])
        # JSON
        back = load(d / "graph.json")
        assert any(x["name"] == HOSTILE for x in back["nodes"])
        for f in ("timeline.json", "timeline.tljs.json", "graph.jsonld"):
            load(d / f)
        # DOT: graphviz renders it, with no warning
        for fmt in ("svg", "png"):
            r = subprocess.run(["dot", f"-T{fmt}", str(d / "graph.dot")], capture_output=True)
            assert r.returncode == 0 and r.stderr.decode().strip() == "", r.stderr.decode()
        svg = (d / "graph.svg").read_text(encoding="utf-8")
        assert "<script>" not in svg and "&lt;script&gt;alert(1)" in svg
        # GraphML: networkx loads it, names intact (XML keeps \r only as a reference)
        h = nx.read_graphml(d / "graph.graphml")
        assert h.number_of_nodes() == n and h.number_of_edges() == m
        assert h.nodes[f"org:{HOSTILE}"]["name"] == HOSTILE
        assert h.nodes[f"person:{HOSTILE_PERSON}"]["name"] == HOSTILE_PERSON
        # CSV: the csv module reads every row back, names intact
        for f, count in (("nodes.csv", n), ("edges.csv", m)):
            with open(d / f, encoding="utf-8", newline="") as fh:
                assert len(list(csv.reader(fh))) == count + 1
        with open(d / "entities.csv", encoding="utf-8", newline="") as fh:
            names = {row["name"] for row in csv.DictReader(fh)}
        assert HOSTILE in names and HOSTILE_PERSON in names
        with open(d / "events.csv", encoding="utf-8", newline="") as fh:
            assert any(HOSTILE in row["name"] for row in csv.DictReader(fh))
        # kuzu loads the Neo4j CSVs, names intact
        db, conn = kuzu_load(d, d / "db")
        q = "MATCH (a:Node)-[r:Rel]->(b:Node {name: '出门问问'}) WHERE r.rel = 'INVESTOR_IN' RETURN a.name ORDER BY a.name"
        assert [HOSTILE] in rows(conn.execute(q))
        conn.close()
        db.close()
        # Cypher: every string literal closes on its line
        for line in (d / "graph.cypher").read_text(encoding="utf-8").splitlines()[2:]:
            assert line.endswith(";") and "\u202e" not in line
        # HTML: the data cannot close its script element; the browser shows the name as text
        html = (d / "index.html").read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "\\u003cscript\\u003ealert(1)" in html
        report = check_page(d / "index.html", "hostile", name=HOSTILE)
        assert report["nameFound"]
        nd = report["nameDetails"]
        assert nd["heading"] == HOSTILE, nd
        assert nd["scripts"] == 3 and nd["injected"] == 0, nd
        assert "b" not in nd["elements"] and "script" not in nd["elements"]
    finally:
        shutil.rmtree(d)
