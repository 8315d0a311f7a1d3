//! Amounts and sizes in event clauses: 1000万元 → 10000000 CNY, 400多万美元 → about 4000000 USD,
//! 60亿参数 → 6000000000 parameters.
use super::rules::EventRules;
use serde_json::{Value, json};

/// A number written in Arabic (half- or full-width) or Chinese digits: the numeral grammar is
/// the time tagger's (`data/time/numerals.tsv`).
pub fn parse_number(s: &str) -> Option<f64> {
    crate::time::TimeTagger::embedded().number(s)
}

/// The amounts in `text`, as JSON attributes: `{"amount": {"value", "currency", "approx", "text"}}`
/// for money, `{"parameters": …}` or `{"headcount": …}` for counts.
pub fn amounts(rules: &EventRules, text: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for c in rules.amount.captures_iter(text) {
        let Some(mut value) = c.name("num").and_then(|m| parse_number(m.as_str())) else {
            continue;
        };
        if let Some(mag) = c.name("mag") {
            // magnitudes multiply left to right (千万 is in the table; 万亿 too)
            let mut rest = mag.as_str();
            while !rest.is_empty() {
                let Some((w, m)) = rules
                    .magnitudes
                    .iter()
                    .filter(|(w, _)| rest.starts_with(w.as_str()))
                    .max_by_key(|(w, _)| w.len())
                else {
                    break;
                };
                value *= m;
                rest = &rest[w.len()..];
            }
        }
        let approx = c.name("approx").is_some() || c.name("approx2").is_some();
        let unit = c.name("unit").map(|m| m.as_str()).unwrap_or("");
        let whole = c.get(0).map(|m| m.as_str()).unwrap_or("");
        if let Some((_, code)) = rules.currencies.iter().find(|(w, _)| w == unit) {
            out.push((
                "amount".to_string(),
                json!({"value": value, "currency": code, "approx": approx, "text": whole}),
            ));
        } else if let Some((_, measure)) = rules.measures.iter().find(|(w, _)| w == unit) {
            if measure == "people" && c.name("mag").is_none() && value < 2.0 {
                continue;
            }
            let key = if measure == "parameters" {
                "parameters"
            } else {
                "headcount"
            };
            out.push((
                key.to_string(),
                json!({"value": value, "approx": approx, "text": whole}),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_arabic_numbers() {
        assert_eq!(parse_number("1000"), Some(1000.0));
        assert_eq!(parse_number("一百"), Some(100.0));
        assert_eq!(parse_number("十二"), Some(12.0));
        assert_eq!(parse_number("两"), Some(2.0));
        assert_eq!(parse_number("３５"), Some(35.0));
        assert_eq!(parse_number("1.5"), Some(1.5));
        assert_eq!(parse_number("x"), None);
    }

    #[test]
    fn amounts_normalize_to_number_and_currency() {
        let rules = EventRules::load(None).unwrap();
        let a = amounts(&rules, "拿到了1000万元天使轮融资");
        assert_eq!(a[0].1["value"], 10_000_000.0);
        assert_eq!(a[0].1["currency"], "CNY");
        let a = amounts(&rules, "训练一次就要400多万美元");
        assert_eq!(a[0].1["value"], 4_000_000.0);
        assert_eq!(a[0].1["approx"], true);
        let a = amounts(&rules, "估值10亿美元");
        assert_eq!(a[0].1["value"], 1_000_000_000.0);
        let a = amounts(&rules, "一个60亿参数的模型");
        assert_eq!(a[0].0, "parameters");
        assert_eq!(a[0].1["value"], 6_000_000_000.0);
    }
}
