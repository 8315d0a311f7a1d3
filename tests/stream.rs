//! A corpus streamed through `corpus::process`: whatever the threads and the window, extracts
//! and errors are handed on in input order, the first error stops the run, and a panic while
//! handing on propagates instead of leaving the workers waiting.
mod common;
use common::*;
use shiji::corpus::{CorpusOptions, Report, Source, process};
use shiji::{Error, Result};
use std::path::{Path, PathBuf};

/// The texts of the test corpus and of the demo article.
fn texts() -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/data/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.push(demo_path());
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// A JSON-lines file of `n` documents `doc-0`… cycling over the texts, with `bad` lines (by
/// index among the documents) replaced by a line that is not JSON.
fn corpus(dir: &Path, n: usize, bad: &[usize]) -> PathBuf {
    let texts = texts();
    let mut s = String::new();
    for i in 0..n {
        if bad.contains(&i) {
            s.push_str("{not json\n");
        } else {
            let line =
                serde_json::json!({"id": format!("doc-{i}"), "text": texts[i % texts.len()]});
            s.push_str(&line.to_string());
            s.push('\n');
        }
        if i % 7 == 3 {
            // blank lines are no documents and keep the line numbers counting
            s.push_str(" \n");
        }
    }
    let p = dir.join("corpus.jsonl");
    std::fs::write(&p, s).unwrap();
    p
}

/// What a run handed on: the ids of the extracts, the errors skipped, and the result.
struct Run {
    ids: Vec<String>,
    bad: Vec<String>,
    result: Result<Report>,
}

fn run(sources: &[Source], opts: &CorpusOptions) -> Run {
    let mut ids = Vec::new();
    let mut bad = Vec::new();
    let result = process(
        &PIPELINE,
        "test",
        sources,
        opts,
        |x| {
            ids.push(x.id);
            Ok(())
        },
        |e| bad.push(e.to_string()),
        |_, _| {},
    );
    Run { ids, bad, result }
}

fn opts(threads: usize, window: usize, skip_bad: bool) -> CorpusOptions {
    CorpusOptions {
        threads,
        window,
        skip_bad,
        ..CorpusOptions::default()
    }
}

fn ids(range: impl Iterator<Item = usize>) -> Vec<String> {
    range.map(|i| format!("doc-{i}")).collect()
}

#[test]
fn extracts_come_in_input_order_whatever_the_threads_and_the_window() {
    let dir = tempdir("stream-order");
    let sources = [Source::File(corpus(&dir, 24, &[]))];
    let serial = run(&sources, &opts(1, 1, false));
    assert_eq!(serial.ids, ids(0..24));
    assert_eq!(serial.result.unwrap().documents, 24);
    for (threads, window) in [(2, 1), (2, 3), (3, 2), (4, 128)] {
        let r = run(&sources, &opts(threads, window, false));
        assert_eq!(r.ids, serial.ids, "{threads} threads, window {window}");
        assert_eq!(r.result.unwrap().documents, 24);
    }
}

#[test]
fn the_first_error_in_input_order_stops_the_run() {
    let dir = tempdir("stream-first-error");
    let sources = [Source::File(corpus(&dir, 30, &[9, 20]))];
    for (threads, window) in [(1, 128), (3, 2), (4, 128)] {
        let r = run(&sources, &opts(threads, window, false));
        // documents 0-8 are handed on, then line 11 (two blank lines before it) stops the run
        assert_eq!(r.ids, ids(0..9), "{threads} threads, window {window}");
        match r.result {
            Err(Error::JsonLine { line, .. }) => assert_eq!(line, 11),
            other => panic!("expected the error of line 11, got {other:?}"),
        }
    }
}

#[test]
fn skipped_errors_come_in_input_order_between_the_documents() {
    let dir = tempdir("stream-skip");
    let jsonl = corpus(&dir, 30, &[2, 9, 20]);
    let missing = dir.join("missing.jsonl");
    let sources = [
        Source::Bad("a folder that cannot be listed".into()),
        Source::File(jsonl.clone()),
        Source::File(missing),
        Source::File(jsonl),
    ];
    for (threads, window) in [(1, 128), (3, 2), (4, 5)] {
        let r = run(&sources, &opts(threads, window, true));
        let report = r.result.unwrap();
        assert_eq!(report.documents, 54);
        assert_eq!(report.skipped, 8);
        let mut expected = ids((0..30).filter(|i| ![2, 9, 20].contains(i)));
        expected.extend(expected.clone());
        assert_eq!(r.ids, expected);
        let lines: Vec<&str> = r
            .bad
            .iter()
            .map(|e| {
                e.split_once("corpus.jsonl:")
                    .map_or(e.as_str(), |(_, l)| l.split(':').next().unwrap())
            })
            .collect();
        assert_eq!(lines.len(), 8, "{:?}", r.bad);
        assert!(r.bad[0].contains("cannot be listed"), "{:?}", r.bad);
        assert_eq!(&lines[1..4], ["3", "11", "24"], "{:?}", r.bad);
        assert!(r.bad[4].contains("missing.jsonl"), "{:?}", r.bad);
        assert_eq!(&lines[5..], ["3", "11", "24"], "{:?}", r.bad);
    }
}

#[test]
fn an_error_while_handing_on_stops_the_run() {
    let dir = tempdir("stream-sink-error");
    let sources = [Source::File(corpus(&dir, 40, &[]))];
    let mut seen = 0;
    let r = process(
        &PIPELINE,
        "test",
        &sources,
        &opts(2, 4, true),
        |_| {
            seen += 1;
            if seen == 3 {
                return Err(Error::Output("the sink is full".into()));
            }
            Ok(())
        },
        |_| {},
        |_, _| {},
    );
    assert!(matches!(r, Err(Error::Output(m)) if m == "the sink is full"));
    assert_eq!(seen, 3);
}

#[test]
fn a_panic_while_handing_on_propagates() {
    let dir = tempdir("stream-panic");
    let sources = [Source::File(corpus(&dir, 40, &[]))];
    let r = std::panic::catch_unwind(|| {
        let mut seen = 0;
        process(
            &PIPELINE,
            "test",
            &sources,
            &opts(2, 4, false),
            |_| {
                seen += 1;
                assert!(seen < 5, "the sink panics");
                Ok(())
            },
            |_| {},
            |_, _| {},
        )
    });
    let panic = r.expect_err("the panic comes through");
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned());
    assert_eq!(message.as_deref(), Some("the sink panics"));
}

#[test]
fn progress_counts_the_bytes_of_every_document() {
    let dir = tempdir("stream-progress");
    let path = corpus(&dir, 12, &[]);
    let texts = texts();
    let total: u64 = (0..12).map(|i| texts[i % texts.len()].len() as u64).sum();
    let mut bytes = 0;
    let mut last = 0;
    process(
        &PIPELINE,
        "test",
        &[Source::File(path)],
        &opts(3, 2, false),
        |_| Ok(()),
        |_| {},
        |b, docs| {
            bytes += b;
            assert_eq!(docs, last + 1);
            last = docs;
        },
    )
    .unwrap();
    assert_eq!(bytes, total);
    assert_eq!(last, 12);
}
