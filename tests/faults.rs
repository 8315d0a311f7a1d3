//! Faults: a run killed (SIGKILL) at any moment leaves every output file either the previous
//! complete version or the new complete one, and no temporary file as an output; the same input
//! gives byte-identical outputs across runs and thread counts.
mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::OUTPUT_FILES as FILES;

fn build(args: &[&str]) {
    let o = Command::new(bin())
        .arg("build")
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Every regular file of `dir` (relative name → bytes), text/ included.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// A corpus big enough that `build` runs for a while: the demo article under many ids.
fn big_corpus(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(demo_path()).unwrap();
    let mut lines = String::new();
    for i in 0..60 {
        let v = serde_json::json!({"id": format!("copy-{i:03}"), "text": text, "published": "2023-04-23"});
        lines.push_str(&v.to_string());
        lines.push('\n');
    }
    let p = dir.join("big.jsonl");
    std::fs::write(&p, lines).unwrap();
    p
}

fn copy_dir(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for (name, bytes) in snapshot(from) {
        std::fs::write(to.join(name), bytes).unwrap();
    }
}

#[test]
fn sigkill_at_any_moment_leaves_complete_outputs() {
    let d = tempdir("faults-kill");
    let big = big_corpus(&d);
    let small = d.join("small.txt");
    std::fs::write(&small, "2019年，王小川在北京创立了百川智能。").unwrap();
    // the previous complete outputs, and the new complete ones
    let old_dir = d.join("old");
    build(&[small.to_str().unwrap(), "--out", old_dir.to_str().unwrap()]);
    let new_dir = d.join("new");
    build(&[big.to_str().unwrap(), "--out", new_dir.to_str().unwrap()]);
    let old = snapshot(&old_dir);
    let new = snapshot(&new_dir);
    for f in FILES {
        assert!(old[f] != new[f], "{f}: the two versions must differ");
    }
    let out = d.join("out");
    // kill moments: fixed delays, and "as soon as a temporary file or a new file shows"
    enum When {
        After(u64),
        TempSeen,
        Renamed(usize),
    }
    let moments = [
        When::After(0),
        When::After(150),
        When::After(600),
        When::TempSeen,
        When::Renamed(1),
        When::Renamed(2),
        When::Renamed(3),
    ];
    let mut mixed_seen = false;
    for (k, when) in moments.iter().enumerate() {
        copy_dir(&old_dir, &out);
        let mut child = Command::new(bin())
            .args([
                "build",
                big.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let limit = Duration::from_secs(60);
        loop {
            let ready = match when {
                When::After(ms) => start.elapsed() >= Duration::from_millis(*ms),
                When::TempSeen => std::fs::read_dir(&out)
                    .unwrap()
                    .flatten()
                    .any(|e| e.file_name().to_string_lossy().ends_with(".tmp")),
                When::Renamed(n) => {
                    FILES
                        .iter()
                        .filter(|f| std::fs::read(out.join(f)).ok().as_ref() == Some(&new[**f]))
                        .count()
                        >= *n
                }
            };
            if ready || start.elapsed() > limit || child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = snapshot(&out);
        let mut n_new = 0;
        for (name, bytes) in &now {
            if name.starts_with('.') {
                // a hidden temporary file of the killed run: never an output
                assert!(name.ends_with(".tmp"), "moment {k}: stray file {name}");
                continue;
            }
            assert!(
                FILES.contains(&name.as_str()),
                "moment {k}: unexpected output {name}"
            );
            if *bytes == new[name] {
                n_new += 1;
            } else {
                assert!(*bytes == old[name], "moment {k}: {name} is neither version");
            }
        }
        for f in FILES {
            assert!(now.contains_key(f), "moment {k}: {f} vanished");
        }
        mixed_seen |= n_new > 0 && n_new < FILES.len();
        // the next run finishes the job and leaves no temporary file behind
        build(&[big.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        let after = snapshot(&out);
        assert!(
            after == new,
            "moment {k}: rerun gives the new outputs, nothing else"
        );
    }
    // not a timing assertion: only a note that the kills landed mid-write at least once
    if !mixed_seen {
        eprintln!("note: no kill landed between two renames on this machine");
    }
}

#[test]
fn same_input_same_bytes_across_runs_and_threads() {
    let d = tempdir("faults-determinism");
    let inp = d.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let text = std::fs::read_to_string(demo_path()).unwrap();
    // a few documents that share entities, so the merge order matters
    let paras: Vec<&str> = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let n = paras.len();
    for (i, chunk) in paras.chunks(n.div_ceil(5)).enumerate() {
        std::fs::write(inp.join(format!("part{i}.txt")), chunk.join("\n\n")).unwrap();
    }
    std::fs::write(inp.join("whole.txt"), &text).unwrap();
    let mut runs = Vec::new();
    for (k, threads) in ["1", "2", "1", "2", "4"].iter().enumerate() {
        let out = d.join(format!("out{k}"));
        build(&[
            inp.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--threads",
            threads,
        ]);
        runs.push(snapshot(&out));
    }
    for r in &runs[1..] {
        assert!(
            *r == runs[0],
            "outputs differ between runs or thread counts"
        );
    }
    // extract too
    let extract = |threads: &str| {
        let o = Command::new(bin())
            .args(["extract", inp.to_str().unwrap(), "--threads", threads])
            .output()
            .unwrap();
        assert!(o.status.success());
        o.stdout
    };
    assert_eq!(extract("1"), extract("2"));
}
