//! Properties over generated articles: spans lie inside their text on character boundaries,
//! evidence text is the text between its offsets (plain-text inputs), and merge does not depend
//! on the order or the split of the extracts (byte-identical graph.json).
mod common;
use common::*;
use proptest::prelude::*;
use shiji::document::clean::Given;
use shiji::model::{DocExtract, Evidence, TextField};

const WORDS: &[&str] = &[
    "李志飞",
    "出门问问",
    "北京",
    "谷歌",
    "创立了",
    "离职",
    "2012年10月",
    "去年",
    "今年3月",
    "完成了",
    "A轮融资",
    "1亿元",
    "红杉资本",
    "领投",
    "发布了",
    "大模型",
    "OpenAI",
    "Sam Altman",
    "加入",
    "担任CEO",
    "王小川",
    "百川智能",
    "的",
    "在",
    "于",
    "成立",
    "公司",
    "总部位于",
    "上海",
    "，",
    "。",
    "！",
    "“",
    "”",
    "：",
    "\n",
    "\n\n",
    " ",
    "2020年底",
    "训练出了",
    "60亿参数",
    "的模型",
    "宣布",
    "裁员",
    "收购",
    "张三",
    "李四",
    "记者",
    "编辑|赵六",
    "首页 > 新闻",
    "a",
    "𠀀",
    "é",
    "\t",
];
const MARKUP: &[&str] = &[
    "<p>",
    "</p>",
    "<br/>",
    "&nbsp;",
    "&amp;",
    "<script>var x='<p>';</script>",
    "<div class=\"a\">",
    "</div>",
    "&#x4E2D;",
    "<!-- c -->",
    "<",
    ">",
    "&",
];

fn article(markup: bool) -> impl Strategy<Value = String> {
    let n = if markup {
        WORDS.len() + MARKUP.len()
    } else {
        WORDS.len()
    };
    prop::collection::vec(0..n, 1..120).prop_map(|ix| {
        ix.into_iter()
            .map(|i| {
                if i < WORDS.len() {
                    WORDS[i]
                } else {
                    MARKUP[i - WORDS.len()]
                }
            })
            .collect()
    })
}

fn given(id: &str) -> Given {
    Given {
        id: id.into(),
        published: chrono::NaiveDate::from_ymd_opt(2023, 4, 23),
        ..Given::default()
    }
}

fn all_evidence(x: &DocExtract) -> Vec<&Evidence> {
    let mut out = Vec::new();
    for e in &x.entities {
        out.extend(e.mentions.iter());
    }
    for e in &x.events {
        out.extend(e.evidence.iter());
    }
    for r in &x.relations {
        out.extend(r.evidence.iter());
    }
    out
}

fn chars_between(raw: &str, start: usize, end: usize) -> String {
    raw.chars().skip(start).take(end - start).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn evidence_is_the_text_between_its_offsets(raw in article(false)) {
        let Ok(x) = PIPELINE.extract(&raw, &given("p")) else { return Ok(()) };
        let n = raw.chars().count();
        for ev in all_evidence(&x) {
            prop_assert!(ev.start <= ev.end && ev.end <= n, "{:?} outside {n}", (ev.start, ev.end));
            prop_assert_eq!(&*chars_between(&raw, ev.start, ev.end), &*ev.text);
        }
        for e in &x.events {
            if let Some(d) = &e.date {
                prop_assert!(d.start <= d.end && d.end <= n);
                prop_assert_eq!(&chars_between(&raw, d.start, d.end), &d.text);
            }
        }
    }

    #[test]
    fn evidence_in_a_given_title_is_the_title_between_its_offsets(
        raw in article(false),
        head in article(false),
    ) {
        // a headline the text lacks: its evidence counts in the title, the rest in the text
        let title: String = head.lines().next().unwrap_or("").chars().take(40).collect();
        let g = Given { title: Some(title.clone()), ..given("t") };
        let Ok(x) = PIPELINE.extract(&raw, &g) else { return Ok(()) };
        for ev in all_evidence(&x) {
            let given = match ev.field {
                TextField::Text => &raw,
                TextField::Title => &title,
            };
            let n = given.chars().count();
            prop_assert!(ev.start <= ev.end && ev.end <= n, "{:?} outside {n}", (ev.start, ev.end));
            prop_assert_eq!(&*chars_between(given, ev.start, ev.end), &*ev.text);
        }
    }

    #[test]
    fn spans_stay_inside_text_with_markup(raw in article(true)) {
        let Ok(x) = PIPELINE.extract(&raw, &given("m")) else { return Ok(()) };
        let n = raw.chars().count();
        for ev in all_evidence(&x) {
            prop_assert!(ev.start <= ev.end && ev.end <= n, "{:?} outside {n}", (ev.start, ev.end));
        }
        // the whole extract is valid JSON and reads back
        let line = serde_json::to_string(&x).unwrap();
        let back: DocExtract = serde_json::from_str(&line).unwrap();
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), line);
    }

    #[test]
    fn time_spans_are_inside_the_text(raw in article(true)) {
        let d = chrono::NaiveDate::from_ymd_opt(2023, 4, 23).unwrap();
        let n = raw.chars().count();
        for t in shiji::time::TimeTagger::embedded().tag(&raw, d) {
            prop_assert!(t.start <= t.end && t.end <= n);
            prop_assert_eq!(&chars_between(&raw, t.start, t.end), &t.text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn merge_ignores_order_and_split(
        docs in prop::collection::vec(article(false), 2..6),
        seed in any::<u64>(),
        cut in any::<usize>(),
    ) {
        let xs: Vec<DocExtract> = docs
            .iter()
            .enumerate()
            .filter_map(|(i, raw)| {
                // every other document has a headline its text lacks (evidence in its title)
                let g = Given {
                    title: (i % 2 == 1).then(|| format!("第{i}号快讯：星河科技完成{i}亿元融资")),
                    ..given(&format!("d{i}"))
                };
                PIPELINE.extract(raw, &g).ok()
            })
            .collect();
        let json = |xs: &[DocExtract]| shiji::export::graph_json(&shiji::graph::merge(xs));
        let whole = json(&xs);
        // shuffled
        let mut shuffled = xs.clone();
        let mut s = seed | 1;
        for i in (1..shuffled.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            shuffled.swap(i, (s % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(&json(&shuffled), &whole);
        // split in two "files" (through the extract format), concatenated the other way round
        let k = if xs.is_empty() { 0 } else { cut % xs.len() };
        let file = |part: &[DocExtract]| -> Vec<DocExtract> {
            part.iter()
                .map(|x| serde_json::from_str(&serde_json::to_string(x).unwrap()).unwrap())
                .collect()
        };
        let mut split = file(&xs[k..]);
        split.extend(file(&xs[..k]));
        prop_assert_eq!(&json(&split), &whole);
        // every export is order-independent too
        let g1 = shiji::graph::merge(&xs);
        let g2 = shiji::graph::merge(&split);
        prop_assert_eq!(shiji::export::dot::to_dot(&g1), shiji::export::dot::to_dot(&g2));
        prop_assert_eq!(
            shiji::export::timeline::timeline_md(&g1),
            shiji::export::timeline::timeline_md(&g2)
        );
    }
}
