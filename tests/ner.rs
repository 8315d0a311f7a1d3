//! Tests of the statistical NER tagger with the embedded model.
use shiji::ner::{NerLabel, NerModel, NerSpan};

fn spans(text: &str) -> Vec<(String, NerLabel)> {
    let chars: Vec<char> = text.chars().collect();
    NerModel::embedded()
        .tag(text)
        .into_iter()
        .map(|s| (chars[s.start..s.end].iter().collect(), s.label))
        .collect()
}

#[test]
fn embedded_model_loads() {
    let m = NerModel::embedded();
    assert!(m.stored_rows() > 0);
}

#[test]
fn finds_person_place_organization() {
    let got = spans("马云在杭州创办了阿里巴巴集团。");
    assert!(got.contains(&("马云".into(), NerLabel::Person)), "{got:?}");
    assert!(got.contains(&("杭州".into(), NerLabel::Place)), "{got:?}");
    assert!(
        got.contains(&("阿里巴巴集团".into(), NerLabel::Organization)),
        "{got:?}"
    );
}

#[test]
fn news_sentence() {
    let got = spans("新华社北京11月1日电 国务院总理李克强今天在人民大会堂会见了美国国务卿。");
    assert!(
        got.contains(&("李克强".into(), NerLabel::Person)),
        "{got:?}"
    );
    assert!(got.contains(&("北京".into(), NerLabel::Place)), "{got:?}");
}

#[test]
fn offsets_are_char_offsets_and_in_bounds() {
    let texts = [
        "",
        " ",
        "\n\n\n",
        "😀😀 emoji 🎉 王小明在上海。",
        "Elon Musk 和 Tim Cook 在 California 见面。",
        "1234567890 ０１２３ abc ABC",
        "。。。！！？？",
        "\u{FFFD}\u{0}\u{1F}\u{200B}",
        "김정은 и Путин говорили",
    ];
    for t in texts {
        let n = t.chars().count();
        for NerSpan {
            start, end, score, ..
        } in NerModel::embedded().tag(t)
        {
            assert!(start < end && end <= n, "{t:?}: {start}..{end}");
            assert!((0.0..=1.0).contains(&score));
        }
    }
}

#[test]
fn long_text_without_punctuation() {
    let mut t = String::new();
    for _ in 0..3000 {
        t.push_str("张三在北京大学工作");
    }
    let n = t.chars().count();
    let got = NerModel::embedded().tag(&t);
    assert!(!got.is_empty());
    let mut last = 0;
    for s in got {
        assert!(s.start >= last && s.end <= n);
        last = s.end;
    }
}

#[test]
fn corrupt_model_is_an_error() {
    let good = NerModel::embedded().to_bytes();
    assert!(NerModel::load(&good).is_ok());
    assert!(NerModel::load(&[]).is_err());
    assert!(NerModel::load(b"not a model at all").is_err());
    assert!(NerModel::load(&good[..good.len() / 2]).is_err());
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x55;
    assert!(NerModel::load(&flipped).is_err());
    // Every truncation point of the header gives an error, never a panic.
    for cut in 0..200.min(good.len()) {
        assert!(NerModel::load(&good[..cut]).is_err());
    }
}

#[test]
fn serde_label_is_lowercase() {
    let s = serde_json::to_string(&NerLabel::Organization).unwrap();
    assert_eq!(s, "\"organization\"");
}
