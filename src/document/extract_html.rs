//! Article text out of a whole HTML page (`.html` files, JSON-lines records with an `html`
//! field): readability-style extraction with `dom_smoothie` (the Rust port of Mozilla's
//! readability.js), which drops scripts, styles, navigation, footers and side bars and decodes
//! entities. Offsets of such documents refer to the extracted text (`--keep-text` writes it).
//! When readability finds no article (a short page, a fragment), the page falls back to the
//! markup stripper of [`super::html`], which also drops scripts, styles, nav and footers.
use super::clean::parse_date;
use super::html;
use chrono::NaiveDate;

/// The article of an HTML page: its text and the metadata the page declares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Pages with more elements than this are not given to readability (its scoring is
/// super-linear on huge DOMs); the stripper, linear, reads them instead.
const MAX_ELEMENTS: usize = 20_000;

/// Extracts the article text of an HTML page.
pub fn extract(page: &str) -> HtmlArticle {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        // Chinese text is dense: 500 chars is a long article, not a threshold
        char_threshold: 140,
        ..Default::default()
    };
    let parsed = dom_smoothie::Readability::new(page, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let (text, title, published) = match parsed {
        Some(a) => {
            let text = tidy(&a.text_content);
            let title = Some(a.title.trim().to_string()).filter(|t| !t.is_empty());
            let published = a.published_time.as_deref().and_then(parse_date);
            (text, title, published)
        }
        None => (String::new(), None, None),
    };
    if text.trim().is_empty() {
        return HtmlArticle {
            text: strip_page(page),
            title,
            published,
        };
    }
    HtmlArticle {
        text,
        title,
        published,
    }
}

/// The page through the markup stripper: tags, scripts, styles, nav, footers removed.
fn strip_page(page: &str) -> String {
    let chars: Vec<char> = page.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    html::strip(&chars, 0, chars.len(), &mut out);
    tidy(&out.into_iter().map(|(c, _)| c).collect::<String>())
}

/// Trims every line, drops blank ones, joins with one line break.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_without_furniture() {
        let page = r#"<!doctype html><html><head><title>星河智能发布新模型</title>
<meta property="article:published_time" content="2023-04-20T10:00:00+08:00">
<style>p{color:red}</style><script>var x = "<p>脚本</p>";</script></head>
<body><nav><a href="/">首页</a> | <a href="/tech">科技</a></nav>
<article><h1>星河智能发布新模型</h1>
<p>2023年4月20日，星河智能在北京举行发布会，发布了大模型“小星”。张明表示，这是公司成立以来最重要的一次发布。</p>
<p>星河智能成立于2012年，总部位于北京，创始人张明曾在谷歌工作。公司此前推出过智能手表和车载语音助手等产品。</p>
<p>商汤&amp;旷视等公司也在同一周发布了新的模型&nbsp;产品。</p></article>
<footer>版权所有 © 2023 某网站</footer></body></html>"#;
        let a = extract(page);
        assert!(a.text.contains("星河智能在北京举行发布会"), "{}", a.text);
        assert!(a.text.contains("商汤&旷视"), "{}", a.text);
        assert!(!a.text.contains("脚本"));
        assert!(!a.text.contains("版权所有"));
        assert!(!a.text.contains("color"));
        assert_eq!(a.title.as_deref(), Some("星河智能发布新模型"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 4, 20));
    }

    #[test]
    fn a_fragment_falls_back_to_the_stripper() {
        let a = extract("<p>北京</p><script>x</script>");
        assert_eq!(a.text, "北京");
    }
}
