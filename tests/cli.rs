//! The command line end to end: build, extract + merge, times, entities, exit codes, and the
//! committed out/ being the current program's output for the bundled article.
mod common;
use common::*;
use common::{OUTPUT_FILES as FILES, run_cli as run};

#[test]
fn committed_outputs_are_fresh() {
    let dir = tempdir("fresh");
    let out = run(&["build", "--out", dir.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in FILES {
        let fresh = std::fs::read(dir.join(f)).unwrap();
        let committed = std::fs::read(repo().join("out").join(f)).unwrap_or_default();
        assert!(
            fresh == committed,
            "out/{f} is stale: run `cargo run --release -- build` and commit out/"
        );
    }
}

#[test]
fn extract_then_merge_gives_the_files_of_build() {
    let built = tempdir("built");
    let merged = tempdir("merged");
    let demo = demo_path();
    let out = run(
        &[
            "build",
            demo.to_str().unwrap(),
            "--out",
            built.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let text = std::fs::read_to_string(&demo).unwrap();
    let line = serde_json::json!({"id": "mobvoi-li-zhifei-interview-2023-04-23", "text": text})
        .to_string();
    let ex = run(&["extract"], Some(&line));
    assert!(
        ex.status.success(),
        "{}",
        String::from_utf8_lossy(&ex.stderr)
    );
    let extract_file = merged.join("extract.jsonl");
    std::fs::write(&extract_file, &ex.stdout).unwrap();
    let m = run(
        &[
            "merge",
            extract_file.to_str().unwrap(),
            "--out",
            merged.to_str().unwrap(),
        ],
        None,
    );
    assert!(m.status.success(), "{}", String::from_utf8_lossy(&m.stderr));
    for f in FILES {
        assert_eq!(
            std::fs::read(built.join(f)).unwrap(),
            std::fs::read(merged.join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn the_same_input_gives_byte_identical_outputs() {
    let a = tempdir("det-a");
    let b = tempdir("det-b");
    assert!(
        run(
            &["build", "--out", a.to_str().unwrap(), "--threads", "1"],
            None
        )
        .status
        .success()
    );
    assert!(
        run(
            &["build", "--out", b.to_str().unwrap(), "--threads", "2"],
            None
        )
        .status
        .success()
    );
    for f in FILES {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn published_flag_wins_over_the_header() {
    let dir = tempdir("published");
    let demo = demo_path();
    let out = run(
        &[
            "build",
            demo.to_str().unwrap(),
            "--published",
            "2024-01-10",
            "--out",
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let g: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("graph.json")).unwrap()).unwrap();
    assert_eq!(g["graph"]["documents"][0]["published"], "2024-01-10");
}

#[test]
fn missing_input_is_a_runtime_error_naming_the_file() {
    let out = run(
        &[
            "build",
            "no/such/file.txt",
            "--out",
            tempdir("missing").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(
        run(&["build", "--no-such-flag"], None).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn invalid_json_line_names_the_line() {
    let out = run(
        &["extract"],
        Some("{\"id\":\"a\",\"text\":\"北京\"}\n{not json\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("<stdin>:2"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn out_that_is_a_file_is_refused() {
    let dir = tempdir("outfile");
    let f = dir.join("file");
    std::fs::write(&f, "keep me").unwrap();
    let out = run(&["build", "--out", f.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "keep me");
}

#[test]
fn times_command_reads_and_writes_json_lines() {
    let out = run(
        &["times", "--ref", "2023-04-23"],
        Some("{\"id\":\"t1\",\"text\":\"2012年10月，他回国创业。\"}\n"),
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "t1");
    assert_eq!(v["times"][0]["value"], "2012-10");
    assert_eq!(v["times"][0]["start"], 0);
    assert_eq!(v["times"][0]["end"], 8);
}

#[test]
fn entities_command_gives_offsets_in_the_text_as_given() {
    let text = "红杉资本投资了字节跳动，总部位于北京。";
    let out = run(
        &["entities"],
        Some(&format!("{{\"id\":\"e1\",\"text\":\"{text}\"}}\n")),
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let mut names = Vec::new();
    for e in v["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..t].iter().collect::<String>(),
            e["text"].as_str().unwrap()
        );
        names.push((
            e["name"].as_str().unwrap().to_string(),
            e["type"].as_str().unwrap().to_string(),
        ));
    }
    assert!(
        names.contains(&("红杉资本".into(), "organization".into())),
        "{names:?}"
    );
    assert!(
        names.contains(&("北京".into(), "place".into())),
        "{names:?}"
    );
}

#[test]
fn timeline_of_one_company_filtered_by_date_and_type() {
    let out = run(
        &[
            "timeline",
            "out",
            "--entity",
            "出门问问",
            "--from",
            "2019",
            "--to",
            "2020",
            "--type",
            "restructuring",
            "--format",
            "json",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let dates: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"]["value"].as_str().unwrap())
        .collect();
    assert_eq!(dates, vec!["2019", "2020"]);
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|e| e["type"] == "restructuring")
    );
}

#[test]
fn timeline_of_an_unknown_entity_is_an_error() {
    let out = run(&["timeline", "out", "--entity", "无此公司"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无此公司"));
}

#[test]
fn explain_marks_the_span_in_each_evidence_sentence() {
    let out = run(&["explain", "org:红杉资本"], None);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("⟦红杉资本⟧"), "{text}");
    assert!(text.contains("investor_in"), "{text}");
}

#[test]
fn min_confidence_drops_weak_events() {
    let dir = tempdir("minconf");
    let out = run(
        &[
            "build",
            "--min-confidence",
            "0.99",
            "--out",
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let tl: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("timeline.json")).unwrap()).unwrap();
    assert!(tl.as_array().unwrap().is_empty(), "{tl}");
}

#[test]
fn cache_re_extracts_only_new_documents() {
    let dir = tempdir("cache");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for f in ["a-xinghe-series-a.txt", "c-google-restructuring.txt"] {
        std::fs::copy(repo().join("tests/data/corpus").join(f), corpus.join(f)).unwrap();
    }
    let cache = dir.join("cache");
    let args = |out: &str| {
        vec![
            "build".to_string(),
            corpus.to_str().unwrap().to_string(),
            "--cache".into(),
            cache.to_str().unwrap().to_string(),
            "--out".into(),
            dir.join(out).to_str().unwrap().to_string(),
        ]
    };
    let first = run(
        &args("o1").iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        None,
    );
    assert!(
        String::from_utf8_lossy(&first.stderr).contains("2 document(s),"),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    std::fs::copy(
        repo().join("tests/data/corpus/b-xinghe-funding-report.txt"),
        corpus.join("b.txt"),
    )
    .unwrap();
    let second = run(
        &args("o2").iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        None,
    );
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("3 document(s) (2 from cache)"), "{err}");
    // the cached run gives the same graph as a fresh one
    let fresh = run(
        &[
            "build",
            corpus.to_str().unwrap(),
            "--out",
            dir.join("o3").to_str().unwrap(),
        ],
        None,
    );
    assert!(fresh.status.success());
    assert_eq!(
        std::fs::read(dir.join("o2/graph.json")).unwrap(),
        std::fs::read(dir.join("o3/graph.json")).unwrap()
    );
}

#[test]
fn format_flag_writes_only_the_formats_asked() {
    let dir = tempdir("formats");
    let out = run(
        &[
            "build",
            "--out",
            dir.to_str().unwrap(),
            "--format",
            "json,csv",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in ["graph.json", "events.csv", "entities.csv"] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    for f in ["graph.dot", "index.html", "nodes.csv", "graph.svg"] {
        assert!(!dir.join(f).exists(), "{f}");
    }
    let bad = run(
        &["build", "--out", dir.to_str().unwrap(), "--format", "xls"],
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("xls"));
}

#[test]
fn render_reads_graph_json_and_names_it_when_missing() {
    let dir = tempdir("render-missing");
    let out = run(&["render", dir.to_str().unwrap(), "--format", "csv"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("graph.json"));
    // from the committed graph.json, the cheap formats are those of build
    let out = run(
        &[
            "render",
            repo().join("out").to_str().unwrap(),
            "--out",
            dir.to_str().unwrap(),
            "--format",
            "all",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in FILES {
        if f == "graph.json" {
            continue;
        }
        assert_eq!(
            std::fs::read(dir.join(f)).unwrap(),
            std::fs::read(repo().join("out").join(f)).unwrap(),
            "{f}"
        );
    }
}

/// A feed's headline that the text does not repeat is read as the article's first line; its
/// evidence says `"field": "title"` and counts in the title, and the text's offsets do not move.
#[test]
fn a_given_title_the_text_lacks_is_read_with_its_own_offsets() {
    let title = "云杉数智完成3亿元B轮融资 北辰资本领投";
    let text = "3月1日，云杉数智宣布完成3亿元B轮融资，由北辰资本领投。云杉数智成立于2019年。";
    let line =
        serde_json::json!({"id": "t1", "title": title, "published": "2024-03-02", "text": text})
            .to_string();
    let out = run(&["extract"], Some(&format!("{line}\n")));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let x: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let chars = |s: &str, a: &serde_json::Value| -> String {
        let (p, q) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        s.chars().skip(p).take(q - p).collect()
    };
    let mut in_title = 0;
    for e in x["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let given = if m.get("field").is_some() {
                assert_eq!(m["field"], "title");
                in_title += 1;
                title
            } else {
                text
            };
            assert_eq!(chars(given, m), m["text"].as_str().unwrap());
        }
    }
    assert!(in_title >= 2, "both companies of the headline: {x}");
    // the headline's funding is the body's, dated by the body, with both evidences; the
    // space between the headline's clauses keeps the lead investor out of the company's role
    let fundings: Vec<&serde_json::Value> = x["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "funding")
        .collect();
    assert_eq!(fundings.len(), 1, "{x}");
    let f = fundings[0];
    assert_eq!(f["date"]["value"], "2024-03-01");
    let fields: Vec<&str> = f["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.get("field").and_then(|v| v.as_str()).unwrap_or("text"))
        .collect();
    assert!(fields.contains(&"title") && fields.contains(&"text"), "{f}");
    let roles: Vec<(String, String)> = f["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["entity"].as_str().unwrap().into(),
                p["role"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        roles.contains(&("org:云杉数智".into(), "org".into())),
        "{roles:?}"
    );
    assert!(
        roles.contains(&("org:北辰资本".into(), "investor".into())),
        "{roles:?}"
    );
    assert!(
        !roles.contains(&("org:云杉数智".into(), "investor".into())),
        "{roles:?}"
    );

    // a headline alone with an event: undated, found only there, and the timeline points into the title
    let d = tempdir("cli-title");
    let feed = d.join("feed.jsonl");
    let line = serde_json::json!({"id": "t2", "title": "星桥医疗宣布裁员三成", "text": "据悉，这家公司近期经营困难。"})
        .to_string();
    std::fs::write(&feed, format!("{line}\n")).unwrap();
    let o = d.join("out");
    let b = run(
        &[
            "build",
            feed.to_str().unwrap(),
            "--out",
            o.to_str().unwrap(),
            "--format",
            "timeline",
        ],
        None,
    );
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let md = std::fs::read_to_string(o.join("timeline.md")).unwrap();
    assert!(
        md.contains("| layoff |") && md.contains("t2:title:0-"),
        "{md}"
    );

    // `entities` gives offsets in the text only: the title's mentions are not listed
    let e = run(&["entities"], Some(&format!("{line}\n")));
    let v: serde_json::Value = serde_json::from_slice(&e.stdout).unwrap();
    assert!(
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| !m["text"].as_str().unwrap().contains("星桥")),
        "{v}"
    );
}

/// A title that the text holds (a file's headline line) is read once, in the text.
#[test]
fn a_given_title_the_text_holds_is_not_read_twice() {
    let title = "云杉数智完成3亿元B轮融资";
    let text = format!("{title}\n3月1日，云杉数智宣布完成3亿元B轮融资。");
    let line =
        serde_json::json!({"id": "t3", "title": title, "published": "2024-03-02", "text": text})
            .to_string();
    let out = run(&["extract"], Some(&format!("{line}\n")));
    let x: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!x.to_string().contains("\"field\""), "{x}");
}

/// `--lexicon FILE`: a user's entry names what nothing else would find, with its aliases, and
/// wins over the longer spans the rules would build around it.
#[test]
fn a_user_lexicon_names_its_entries_with_their_aliases() {
    let d = tempdir("cli-user-lexicon");
    let lex = d.join("mine.tsv");
    std::fs::write(
        &lex,
        "name\ttype\tsubtype\taliases\tsource\n蓝鲸\torganization\tcompany\tBluewhale\tmy notes\n云杉镇\tplace\ttown\t\tmy notes\n",
    )
    .unwrap();
    let line = serde_json::json!({"id": "u1", "text": "蓝鲸今天在云杉镇商城开了一家门店。Bluewhale表示，明年还将开店。"}).to_string();
    let plain = run(&["extract"], Some(&format!("{line}\n")));
    let mine = run(
        &["extract", "--lexicon", lex.to_str().unwrap()],
        Some(&format!("{line}\n")),
    );
    assert!(
        mine.status.success(),
        "{}",
        String::from_utf8_lossy(&mine.stderr)
    );
    let names = |o: &std::process::Output| -> Vec<(String, String, usize)> {
        let x: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        x["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["id"].as_str().unwrap().to_string(),
                    e.get("subtype")
                        .and_then(|s| s.as_str())
                        .unwrap_or("")
                        .to_string(),
                    e["mentions"].as_array().unwrap().len(),
                )
            })
            .collect()
    };
    let (plain, mine) = (names(&plain), names(&mine));
    assert!(!plain.iter().any(|e| e.0 == "org:蓝鲸"), "{plain:?}");
    // both spellings are one company
    assert!(
        mine.contains(&("org:蓝鲸".into(), "company".into(), 2)),
        "{mine:?}"
    );
    assert!(
        mine.contains(&("place:云杉镇".into(), "town".into(), 1)),
        "{mine:?}"
    );
}
