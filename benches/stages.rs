//! Per-stage benchmarks on the bundled article: `cargo bench --bench stages`.
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use shiji::document::clean::Given;
use shiji::entity::EntityStage;
use shiji::event::EventStage;
use shiji::pipeline::{Options, Pipeline};

const ARTICLE: &str = include_str!("../data/articles/mobvoi-li-zhifei-interview-2023-04-23.txt");

fn stages(c: &mut Criterion) {
    let p = Pipeline::new(&Options::default()).expect("data loads");
    let given = Given {
        id: "demo".into(),
        ..Given::default()
    };
    let doc = p.prepare(ARTICLE, &given).expect("document");
    let reference = doc.meta.published.unwrap_or_default();
    let times = p.time.tag(&doc.text, reference);
    let ents = EntityStage {
        lexicon: &p.lexicon,
        words: &p.words,
    }
    .run(&doc);
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Elements(ARTICLE.chars().count() as u64));
    g.bench_function("clean", |b| b.iter(|| p.prepare(ARTICLE, &given).unwrap()));
    g.bench_function("time", |b| b.iter(|| p.time.tag(&doc.text, reference)));
    g.bench_function("entities", |b| {
        b.iter(|| {
            EntityStage {
                lexicon: &p.lexicon,
                words: &p.words,
            }
            .run(&doc)
        })
    });
    g.bench_function("events", |b| {
        b.iter(|| {
            EventStage {
                rules: &p.events,
                lexicon: &p.lexicon,
                words: &p.words,
            }
            .run(&doc, &ents, &times)
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| p.extract(ARTICLE, &given).unwrap())
    });
    let x = p.extract(ARTICLE, &given).unwrap();
    g.bench_function("merge+exports", |b| {
        b.iter(|| {
            let graph = shiji::graph::merge(std::slice::from_ref(&x));
            (
                shiji::export::graph_json(&graph),
                shiji::export::dot::to_dot(&graph),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
