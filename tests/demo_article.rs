//! The demo article (a 2023-04-23 interview): the events, entities and relations a reader
//! expects on its timeline and graph, each with its evidence in the text.
mod common;
use common::*;
use shiji::graph::{Edge, GraphJson, Node};

fn event<'a>(g: &'a GraphJson, kind: &str, date: &str, org: &str) -> &'a Node {
    g.nodes
        .iter()
        .filter(|n| n.kind == "event" && n.node_type == kind)
        .filter(|n| n.date.as_ref().is_some_and(|d| d.value == date))
        .find(|n| has_edge(g, &n.id, org))
        .unwrap_or_else(|| {
            panic!(
                "no {kind} event of {org} dated {date}; events: {:#?}",
                events(g)
            )
        })
}

fn events(g: &GraphJson) -> Vec<String> {
    g.nodes
        .iter()
        .filter(|n| n.kind == "event")
        .map(|n| {
            format!(
                "{} {} {}",
                n.node_type,
                n.date.as_ref().map_or("-".into(), |d| d.value.clone()),
                n.name
            )
        })
        .collect()
}

fn has_edge(g: &GraphJson, source: &str, target: &str) -> bool {
    g.edges
        .iter()
        .any(|e| e.source == source && e.target == target)
}

fn relation<'a>(g: &'a GraphJson, source: &str, kind: &str, target: &str) -> &'a Edge {
    g.edges
        .iter()
        .find(|e| e.source == source && e.target == target && e.edge_type == kind)
        .unwrap_or_else(|| panic!("no relation {source} {kind} {target}"))
}

fn demo_chars() -> Vec<char> {
    std::fs::read_to_string(demo_path())
        .unwrap()
        .chars()
        .collect()
}

/// Every evidence span of a node or edge is the text between its offsets in the article.
fn assert_evidence_in_text(evidence: &[shiji::model::Evidence]) {
    let chars = demo_chars();
    assert!(!evidence.is_empty());
    for e in evidence {
        let got: String = chars[e.start..e.end].iter().collect();
        assert_eq!(
            got, &*e.text,
            "evidence offsets {}..{} do not hold {:?}",
            e.start, e.end, e.text
        );
        assert!(
            e.sentence.contains(&*e.text),
            "sentence {:?} lacks {:?}",
            e.sentence,
            e.text
        );
    }
}

#[test]
fn founding_of_the_company_in_2012_10_by_its_founder() {
    let g = demo_graph();
    let ev = event(&g, "founding", "2012-10", "org:出门问问");
    assert!(has_edge(&g, &ev.id, "person:李志飞"));
    assert!(
        ev.evidence
            .iter()
            .any(|e| e.sentence.contains("回国创立了出门问问"))
    );
    assert_eq!(ev.date.as_ref().unwrap().grain, shiji::time::Grain::Month);
    assert_evidence_in_text(&ev.evidence);
}

#[test]
fn two_restructurings_in_2019_and_2020() {
    let g = demo_graph();
    let a = event(&g, "restructuring", "2019", "org:出门问问");
    let b = event(&g, "restructuring", "2020", "org:出门问问");
    assert_ne!(a.id, b.id);
    assert!(
        a.evidence
            .iter()
            .any(|e| e.sentence.contains("精简了业务线"))
    );
    assert!(
        b.evidence
            .iter()
            .any(|e| e.sentence.contains("又进行了一轮大的调整"))
    );
}

#[test]
fn six_billion_parameter_model_trained_in_2021() {
    let g = demo_graph();
    let ev = event(&g, "development", "2021", "org:出门问问");
    assert_eq!(ev.attributes["parameters"]["value"], 6_000_000_000.0);
    assert!(ev.evidence.iter().any(|e| e.sentence.contains("60亿参数")));
}

#[test]
fn aigc_launch_event_on_2023_04_20_in_beijing() {
    let g = demo_graph();
    let ev = event(&g, "product_launch", "2023-04-20", "org:出门问问");
    assert!(has_edge(&g, &ev.id, "place:北京"));
    assert!(ev.evidence.iter().any(|e| e.sentence.contains("发布会")));
    assert_evidence_in_text(&ev.evidence);
}

#[test]
fn people_organizations_products_and_places_with_their_types() {
    let g = demo_graph();
    let expect = [
        ("person", &["李志飞", "王慧文", "王小川", "李开复"][..]),
        (
            "organization",
            &[
                "出门问问",
                "OpenAI",
                "谷歌",
                "微软",
                "红杉资本",
                "真格基金",
                "Google Brain",
            ][..],
        ),
        (
            "product",
            &["ChatGPT", "GPT-3", "魔音工坊", "奇妙文", "言之画", "奇妙元"][..],
        ),
        ("place", &["北京", "上海", "中关村", "硅谷"][..]),
    ];
    for (kind, names) in expect {
        for name in names {
            let n = g
                .nodes
                .iter()
                .find(|n| n.kind == "entity" && n.name == *name)
                .unwrap_or_else(|| panic!("no entity {name}"));
            assert_eq!(n.node_type, kind, "{name}");
            assert_evidence_in_text(&n.evidence);
        }
    }
}

#[test]
fn the_site_watermark_is_no_part_of_any_node() {
    let g = demo_graph();
    for n in &g.nodes {
        assert!(
            !n.name.contains("消除一切智能鸿沟") && !n.name.contains("lVi"),
            "{}",
            n.name
        );
        for e in &n.evidence {
            assert!(!e.sentence.contains("消除一切智能鸿沟"), "{}", e.sentence);
        }
    }
}

#[test]
fn founder_investors_and_products_are_related() {
    let g = demo_graph();
    let r = relation(&g, "person:李志飞", "founder_of", "org:出门问问");
    assert_evidence_in_text(&r.evidence);
    relation(&g, "person:李志飞", "ceo_of", "org:出门问问");
    relation(&g, "org:红杉资本", "investor_in", "org:出门问问");
    relation(&g, "org:真格基金", "investor_in", "org:出门问问");
    let d = relation(&g, "org:出门问问", "develops", "product:魔音工坊");
    assert!(d.evidence[0].sentence.contains("魔音工坊"));
    relation(&g, "person:李志飞", "former_employee_of", "org:谷歌");
}

#[test]
fn publication_date_and_byline_come_from_the_header() {
    let g = demo_graph();
    let doc = &g.graph.documents[0];
    assert_eq!(doc.published.unwrap().to_string(), "2023-04-23");
    assert_eq!(doc.source.as_deref(), Some("中国企业家"));
    relation(
        &g,
        "person:马吉英",
        "editor_of",
        &format!("work:{}", doc.title.clone().unwrap()),
    );
}

#[test]
fn every_edge_endpoint_is_a_node_and_ids_are_unique() {
    let g = demo_graph();
    let ids: std::collections::BTreeSet<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids.len(), g.nodes.len());
    for e in &g.edges {
        assert!(
            ids.contains(e.source.as_str()) && ids.contains(e.target.as_str()),
            "{e:?}"
        );
    }
}
