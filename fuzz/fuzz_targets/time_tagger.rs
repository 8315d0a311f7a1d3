//! string → the temporal tagger: no panic, spans on character boundaries inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shiji::time::TimeTagger;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let reference = chrono::NaiveDate::from_ymd_opt(2023, 4, 23).expect("valid date");
    let n = text.chars().count();
    for t in TimeTagger::embedded().tag(text, reference) {
        assert!(t.start <= t.end && t.end <= n, "time span out of the text");
    }
});
