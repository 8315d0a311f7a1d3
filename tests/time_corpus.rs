//! The temporal tagger's case corpus (tests/data/time_cases.tsv), its negative cases
//! (tests/data/time_negative.tsv) and the demo article. Every failing case is reported.
use shiji::time::{TimeMention, TimeTagger, parse_reference, reference_precision};

fn data_rows(path: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn show(m: &TimeMention) -> String {
    format!(
        "{:?} type={} value={} grain={} mod={}",
        m.text,
        serde_json::to_value(m.kind).unwrap().as_str().unwrap(),
        m.value,
        serde_json::to_value(m.grain).unwrap().as_str().unwrap(),
        m.modifier
            .map(|x| serde_json::to_value(x)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string())
            .unwrap_or_default()
    )
}

#[test]
fn case_corpus() {
    let tagger = TimeTagger::embedded();
    let rows = data_rows("tests/data/time_cases.tsv");
    assert!(rows.len() >= 400, "only {} cases", rows.len());
    let mut failures = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        let get = |i: usize| r.get(i).map(String::as_str).unwrap_or("");
        let (text, rf, ty, value, grain, md, matched) =
            (get(0), get(1), get(2), get(3), get(4), get(5), get(6));
        let reference =
            parse_reference(rf).unwrap_or_else(|| panic!("line {}: bad ref {rf:?}", k + 3));
        let ms = tagger.tag_ref(text, reference, reference_precision(rf));
        let pick = if matched.is_empty() {
            ms.iter().max_by_key(|m| m.end - m.start)
        } else {
            ms.iter().find(|m| m.text == matched)
        };
        let want = format!(
            "{:?} type={ty} value={value} grain={grain} mod={md}",
            if matched.is_empty() { text } else { matched }
        );
        match pick {
            Some(m) if show(m) == want => {}
            Some(m) => failures.push(format!("{text}\n    want {want}\n    got  {}", show(m))),
            None => failures.push(format!(
                "{text}\n    want {want}\n    got  {:?}",
                ms.iter().map(show).collect::<Vec<_>>()
            )),
        }
    }
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail",
        failures.len(),
        rows.len()
    );
}

#[test]
fn negative_cases() {
    let tagger = TimeTagger::embedded();
    let reference = parse_reference("2023-04-23").unwrap();
    let mut failures = Vec::new();
    for r in data_rows("tests/data/time_negative.tsv") {
        let ms = tagger.tag_at(&r[0], reference);
        if !ms.is_empty() {
            failures.push(format!(
                "{}: {:?}",
                r[0],
                ms.iter().map(show).collect::<Vec<_>>()
            ));
        }
    }
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} negative cases yield mentions",
        failures.len()
    );
}

#[test]
fn demo_article() {
    let text =
        std::fs::read_to_string("data/articles/mobvoi-li-zhifei-interview-2023-04-23.txt").unwrap();
    let ms =
        TimeTagger::embedded().tag(&text, chrono::NaiveDate::from_ymd_opt(2023, 4, 23).unwrap());
    let find = |t: &str| {
        ms.iter()
            .find(|m| m.text == t)
            .unwrap_or_else(|| panic!("no mention {t:?}"))
    };
    let check = |t: &str, value: &str, md: &str| {
        let m = find(t);
        let got_mod = m
            .modifier
            .map(|x| {
                serde_json::to_value(x)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .unwrap_or_default();
        assert_eq!((m.value.as_str(), got_mod.as_str()), (value, md), "{t}");
    };
    check("2012年10月", "2012-10", "");
    check("今年2月", "2023-02", "");
    check("3月底", "2023-03", "END");
    check("4月20日", "2023-04-20", "");
    check("春节后第二天", "2023-01-23", "");
    check("2020年初", "2020", "START");
    check("2020年底", "2020", "END");
    check("10年前", "2013", "");
    check("2019", "2019", "");
    check("一两年后", "2024/2025", "APPROX");
    check("未来5~10年", "2023-04-23/2033-04-23", "");
    check("2017年前", "2017", "BEFORE");
    check("近一年", "2022-04-24/2023-04-23", "");
    check("2020年之前", "2020", "BEFORE");
    check("2019年之后", "2019", "AFTER");
    check("5年内", "P5Y", "");
    let bishi = find("彼时");
    assert_eq!(
        (bishi.value.as_str(), bishi.anchor),
        ("2012-10", shiji::time::Anchor::Narrative)
    );
    // 2019、2020年: both years
    let i = ms
        .iter()
        .position(|m| m.text == "2019" && m.value == "2019")
        .expect("2019 of 2019、2020年");
    assert_eq!(ms[i + 1].value, "2020");
    // negatives inside the article
    for neg in ["5遍", "10亿美元", "GPT-3", "1000万元", "明星"] {
        assert!(
            !ms.iter().any(|m| neg.contains(m.text.as_str())
                && text.contains(neg)
                && m.text.len() > 1
                && neg.starts_with(m.text.as_str())),
            "{neg}"
        );
    }
}

#[test]
fn from_dir_override_and_bad_line() {
    let dir = std::env::temp_dir().join(format!("shiji-time-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // an override: one more holiday
    let mut hol = std::fs::read_to_string("data/time/holidays.tsv").unwrap();
    hol.push_str("公司日\tsolar\t3\t3\t\t0\n");
    std::fs::write(dir.join("holidays.tsv"), &hol).unwrap();
    let t = TimeTagger::from_dir(&dir).unwrap();
    let ms = t.tag(
        "2021年公司日",
        chrono::NaiveDate::from_ymd_opt(2023, 4, 23).unwrap(),
    );
    assert_eq!(ms.last().map(|m| m.value.as_str()), Some("2021-03-03"));
    // a bad line names the file and the line
    std::fs::write(
        dir.join("units.tsv"),
        "word\tunit\tamount\n年\tyear\t1\n月\tfortnight\t1\n",
    )
    .unwrap();
    match TimeTagger::from_dir(&dir) {
        Err(shiji::Error::Data { file, line, .. }) => {
            assert_eq!((file.as_str(), line), ("units.tsv", 3))
        }
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a bad line was accepted"),
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Every short window of real text and a few adversarial strings: the tagger must not panic,
/// and offsets must be in range and ordered.
#[test]
fn no_panic_on_fragments() {
    let tagger = TimeTagger::embedded();
    let reference = parse_reference("2023-04-23T10:00:00").unwrap();
    let text =
        std::fs::read_to_string("data/articles/mobvoi-li-zhifei-interview-2023-04-23.txt").unwrap();
    let chars: Vec<char> = text.chars().collect();
    let mut inputs: Vec<String> = Vec::new();
    for start in (0..chars.len()).step_by(3) {
        for len in [1, 2, 3, 5, 8, 13, 30] {
            let end = (start + len).min(chars.len());
            inputs.push(chars[start..end].iter().collect());
        }
    }
    for s in [
        "春节后第999999999天",
        "100000000000小时后",
        "99999999999年前",
        "5月第99999周",
        "第4294967295天",
        "9999-99-99",
        "0000年0月0日",
        "民国999999999年",
        "9999999999999999999999年",
        "闰13月",
        "农历十三月三十",
        "２０２３年１３月３２日",
        "上上上上周",
        "年",
        "每",
        "从",
        "至今",
        "1/0",
        "00:00:00:00",
        "24:60",
        "Apr. 99, 99999",
        "9999999999999999999小时后",
        "99999999999999999999999999天前",
        "近99999999999999年",
        "未来99999999999999999999秒",
        "每99999999999999999999年",
        "999999999999个月以来",
    ] {
        inputs.push(s.to_string());
    }
    // pseudo-random strings over the characters the rules look at
    let alphabet: Vec<char> = "0123456789一二三四五六七八九十百千万两廿零〇年月日号天周星期礼拜点时分秒半个多几前后内以来之至到从自起每第上下本这今去明昨初中底末旬季度春节除夕农历闰正腊世纪代民国午晚凌晨早-/.~:、（）() ".chars().collect();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20000 {
        let mut s = String::new();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let len = 1 + (x % 14) as usize;
        for _ in 0..len {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        inputs.push(s);
    }
    for s in &inputs {
        let n = s.chars().count();
        let ms = tagger.tag_at(s, reference);
        let mut last = 0;
        for m in &ms {
            assert!(
                m.start < m.end && m.end <= n && m.start >= last,
                "{s:?}: {m:?}"
            );
            last = m.end;
        }
    }
}

#[test]
fn references_and_jsonl() {
    for (s, want) in [
        ("2013-02-12T04:30:00", "2013-02-12T04:30:00"),
        ("2013-02-12", "2013-02-12T00:00:00"),
        ("2019-06", "2019-06-01T00:00:00"),
        ("2021", "2021-01-01T00:00:00"),
    ] {
        let got = parse_reference(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(got.format("%Y-%m-%dT%H:%M:%S").to_string(), want);
    }
    assert!(parse_reference("yesterday").is_none());
    let input = "{\"id\": 7, \"text\": \"去年3月\", \"ref\": \"2023-04-23\"}\n{\"id\": \"b\", \"text\": \"今年\"}\n";
    let mut out = Vec::new();
    shiji::time::times_jsonl(
        input.as_bytes(),
        &mut out,
        parse_reference("2020-05-05").unwrap(),
    )
    .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["id"], 7);
    assert_eq!(lines[0]["times"][0]["value"], "2022-03");
    assert_eq!(lines[0]["times"][0]["type"], "date");
    assert_eq!(lines[1]["times"][0]["value"], "2020");
    let bad = "{\"id\": 1, \"text\": \"今年\"}\nnot json\n";
    match shiji::time::times_jsonl(bad.as_bytes(), Vec::new(), parse_reference("2020").unwrap()) {
        Err(shiji::Error::JsonLine { path, line, .. }) => {
            assert_eq!((path.as_str(), line), ("<stdin>", 2))
        }
        other => panic!("{other:?}"),
    }
}
