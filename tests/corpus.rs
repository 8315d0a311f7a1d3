//! Many documents: one node per entity and per real-world event across articles, conflicts
//! kept visibly, and merge that gives the same bytes for any split and order of the extracts.
mod common;
use common::*;
use shiji::model::DocExtract;
use std::path::PathBuf;

fn corpus_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/data/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.push(demo_path());
    v.sort();
    v
}

fn extracts() -> Vec<DocExtract> {
    let opts = shiji::input::ReadOptions::default();
    corpus_files()
        .iter()
        .flat_map(|p| shiji::input::read_file(p, &opts).unwrap())
        .map(|d| PIPELINE.extract(&d.text, &d.given).unwrap())
        .collect()
}

fn json_of(x: &[DocExtract]) -> String {
    shiji::export::graph_json(&shiji::graph::merge(x))
}

/// A small deterministic generator, so the test needs no dependency and always runs the same splits.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn merge_of_any_split_and_order_gives_identical_bytes() {
    let all = extracts();
    let whole = json_of(&all);
    let mut rng = Lcg(7);
    for _ in 0..6 {
        // shuffle, split into parts, serialize each part as `extract` would, read back, merge all
        let mut v = all.clone();
        for i in (1..v.len()).rev() {
            v.swap(i, (rng.next() as usize) % (i + 1));
        }
        let cut = 1 + (rng.next() as usize) % (v.len() - 1);
        let (a, b) = v.split_at(cut);
        let lines: Vec<String> = a
            .iter()
            .chain(b.iter())
            .map(|x| serde_json::to_string(x).unwrap())
            .collect();
        let back: Vec<DocExtract> = lines
            .iter()
            .rev()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(json_of(&back), whole);
    }
}

#[test]
fn one_entity_across_documents_with_aliases_and_widths() {
    let g = shiji::export::to_graph_json(&shiji::graph::merge(&extracts()));
    let google: Vec<_> = g.nodes.iter().filter(|n| n.id == "org:谷歌").collect();
    assert_eq!(google.len(), 1);
    assert!(google[0].documents.len() >= 2, "{:?}", google[0].documents);
    assert!(!g.nodes.iter().any(|n| n.id == "org:Google"));
    // ＯｐｅｎＡＩ in full-width is OpenAI
    let openai = g.nodes.iter().find(|n| n.id == "org:OpenAI").unwrap();
    assert!(openai.documents.iter().any(|d| d == "d-fullwidth-names"));
}

#[test]
fn one_funding_round_reported_by_two_outlets_is_one_event() {
    let g = shiji::export::to_graph_json(&shiji::graph::merge(&extracts()));
    let rounds: Vec<_> = g
        .nodes
        .iter()
        .filter(|n| {
            n.node_type == "funding"
                && g.edges
                    .iter()
                    .any(|e| e.source == n.id && e.target == "org:星河智能")
        })
        .collect();
    assert_eq!(
        rounds.len(),
        1,
        "{:?}",
        rounds.iter().map(|n| &n.id).collect::<Vec<_>>()
    );
    let docs: std::collections::BTreeSet<&str> =
        rounds[0].evidence.iter().map(|e| &*e.doc).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(rounds[0].date.as_ref().unwrap().value, "2021-03-18");
    assert!(g.edges.iter().any(|e| e.source == "org:红杉中国"
        && e.edge_type == "investor_in"
        && e.target == "org:星河智能"));
}

#[test]
fn two_dates_for_one_founding_are_kept_as_a_conflict() {
    let g = shiji::export::to_graph_json(&shiji::graph::merge(&extracts()));
    let f: Vec<_> = g
        .nodes
        .iter()
        .filter(|n| {
            n.node_type == "founding"
                && g.edges
                    .iter()
                    .any(|e| e.source == n.id && e.target == "org:星河智能")
        })
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].date.as_ref().unwrap().value, "2015");
    assert_eq!(
        f[0].attributes["conflicting_dates"],
        serde_json::json!(["2016"])
    );
}

#[test]
fn traditional_script_names_are_the_simplified_entities_with_raw_evidence() {
    let given = shiji::document::clean::Given {
        id: "trad".into(),
        ..Default::default()
    };
    let x = PIPELINE
        .extract("2021年5月，歐盟對蘋果提起訴訟。", &given)
        .unwrap();
    let apple = x
        .entities
        .iter()
        .find(|e| e.id == "org:苹果")
        .expect("蘋果 read as 苹果");
    assert_eq!(&*apple.mentions[0].text, "蘋果");
    let eu = x
        .entities
        .iter()
        .find(|e| e.name == "欧盟")
        .expect("歐盟 read as 欧盟");
    assert_eq!(&*eu.mentions[0].text, "歐盟");
    assert!(
        x.events
            .iter()
            .any(|e| e.kind == shiji::model::EventKind::Legal),
        "{:?}",
        x.events
    );
}

#[test]
fn a_relational_head_is_no_name() {
    let given = shiji::document::clean::Given {
        id: "sub".into(),
        ..Default::default()
    };
    let x = PIPELINE
        .extract("2020年，某集团宣布成立子公司，并在上海设立分公司。", &given)
        .unwrap();
    assert!(
        !x.entities
            .iter()
            .any(|e| e.name.ends_with('子') || e.name.contains("宣布")),
        "{:?}",
        x.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_latin_name_in_brackets_is_the_same_person_and_a_dotted_name_is_not_a_short_form() {
    let given = shiji::document::clean::Given {
        id: "alias".into(),
        ..Default::default()
    };
    let x = PIPELINE
        .extract(
            "2020年8月，凯文·梅耶尔（Kevin Mayer）从TikTok离职。",
            &given,
        )
        .unwrap();
    let people: Vec<_> = x
        .entities
        .iter()
        .filter(|e| e.kind == shiji::model::EntityType::Person)
        .collect();
    assert_eq!(
        people.len(),
        1,
        "{:?}",
        people.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    assert_eq!(people[0].name, "凯文·梅耶尔");
    assert!(
        people[0].aliases.contains(&"Kevin Mayer".to_string()),
        "{:?}",
        people[0].aliases
    );
}

#[test]
fn a_document_merged_twice_counts_once() {
    // an analyst re-running `merge` over overlapping extract files must not double mentions
    let all = extracts();
    let once = json_of(&all);
    let mut twice = all.clone();
    twice.extend(all.iter().rev().cloned());
    assert_eq!(json_of(&twice), once);
}

#[test]
fn a_node_lists_the_first_documents_and_counts_them_all() {
    // one article reported under 150 ids: every node counts 150 documents, lists the first 100
    let base = extracts().into_iter().next().unwrap();
    let mut copies = Vec::new();
    for i in 0..150 {
        let mut x = base.clone();
        let id = format!("copy-{i:03}");
        x.id = id.clone();
        x.doc.id = id.clone();
        for e in &mut x.entities {
            e.mentions
                .iter_mut()
                .for_each(|m| m.doc = id.as_str().into());
        }
        copies.push(x);
    }
    let g = shiji::graph::merge(&copies);
    let n = g.nodes().find(|n| n.kind == "entity").unwrap();
    assert_eq!(n.document_count, Some(150));
    assert_eq!(n.documents.len(), shiji::graph::MAX_DOCUMENTS);
    assert_eq!(n.documents.first().map(String::as_str), Some("copy-000"));
    assert_eq!(n.documents.last().map(String::as_str), Some("copy-099"));
    assert_eq!(
        n.mentions,
        Some(
            150 * base
                .entities
                .iter()
                .find(|e| e.id == n.id)
                .unwrap()
                .mentions
                .len()
        )
    );
}

#[test]
fn exports_written_by_many_threads_are_those_written_by_one() {
    let paths = corpus_files();
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    let g = build_graph(&refs);
    let formats = shiji::export::Format::cheap();
    let render = shiji::export::render::RenderOptions::default();
    let one = tempdir("exports-one-thread");
    let (names_one, _) = shiji::export::write_formats(&g, &one, &formats, &render, 1).unwrap();
    for threads in [2, 5, 0] {
        let many = tempdir(&format!("exports-{threads}-threads"));
        let (names, _) =
            shiji::export::write_formats(&g, &many, &formats, &render, threads).unwrap();
        assert_eq!(names, names_one);
        assert_eq!(names.len(), OUTPUT_FILES.len());
        for name in &names {
            assert_eq!(
                std::fs::read(many.join(name)).unwrap(),
                std::fs::read(one.join(name)).unwrap(),
                "{name}, {threads} threads"
            );
        }
    }
}
