//! Bad input, faults and hostile text: every case gives the exact error kind (the library's
//! `Error` variant, or the CLI's exit code and message), or with `--skip-bad` the exact count
//! of skipped inputs. No case may panic.
mod common;
use common::*;
use shiji::Error;
use shiji::document::load::decode;
use shiji::input::{
    InputDoc, ReadOptions, expand, expand_each, read_file, read_file_each, read_jsonl,
    read_jsonl_each,
};
use shiji::model::TextField;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ARTICLE: &str = "2012年10月，周明远从谷歌离职后回国创立了云帆智行。公司总部位于北京。\n2020年，云帆智行进行了调整。";
const TRAD: &str = "出門問問是一家人工智慧公司，總部位於北京。創始人李志飛曾在谷歌總部工作，後來回國創立了這家公司。二零一二年十月，公司正式成立。";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn opts() -> ReadOptions {
    ReadOptions::default()
}

fn one(path: &Path) -> shiji::Result<InputDoc> {
    read_file(path, &opts()).map(|mut v| {
        assert_eq!(v.len(), 1);
        v.remove(0)
    })
}

fn cli(args: &[&str], stdin: Option<&str>) -> Output {
    run_cli(args, stdin)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

// ---------------------------------------------------------------- empty, binary, unreadable

#[test]
fn empty_file_is_empty() {
    let d = tempdir("bi-empty");
    let p = write(&d, "a.txt", b"");
    let e = one(&p).unwrap_err();
    assert!(
        matches!(&e, Error::Empty { path } if path.ends_with("a.txt")),
        "{e}"
    );
}

#[test]
fn whitespace_only_file_is_empty() {
    let d = tempdir("bi-ws");
    let p = write(&d, "a.txt", b" \n\r\n\t  \n");
    assert!(matches!(one(&p), Err(Error::Empty { .. })));
}

#[test]
fn bom_only_file_is_empty() {
    let d = tempdir("bi-bom-only");
    let p = write(&d, "a.txt", b"\xEF\xBB\xBF\n");
    let doc = one(&p);
    // the BOM decodes to nothing: either empty here, or empty once cleaned
    match doc {
        Err(Error::Empty { .. }) => {}
        Ok(d) => assert!(matches!(
            PIPELINE.extract(&d.text, &d.given),
            Err(Error::Empty { .. })
        )),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn file_with_nul_bytes_is_binary() {
    let d = tempdir("bi-nul");
    let p = write(&d, "a.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00hello");
    let e = one(&p).unwrap_err();
    assert!(matches!(&e, Error::Binary { path } if path.ends_with("a.txt")));
    assert!(e.to_string().contains("binary file"));
}

#[test]
fn png_named_txt_is_binary() {
    let d = tempdir("bi-png");
    let p = write(
        &d,
        "pic.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    );
    assert!(matches!(one(&p), Err(Error::Binary { .. })));
}

#[test]
fn control_bytes_without_nul_are_binary() {
    let d = tempdir("bi-ctl");
    let bytes: Vec<u8> = (0..400).map(|i| [1u8, 2, 3, 0x1b, b'a'][i % 5]).collect();
    let p = write(&d, "a.md", &bytes);
    assert!(matches!(one(&p), Err(Error::Binary { .. })));
}

#[test]
fn missing_file_is_io_and_names_the_file() {
    let d = tempdir("bi-missing");
    let p = d.join("gone.txt");
    let e = one(&p).unwrap_err();
    assert!(
        matches!(&e, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    );
    assert!(e.to_string().contains("gone.txt"));
}

#[test]
fn folder_where_a_file_is_expected_is_io() {
    let d = tempdir("bi-dir");
    std::fs::create_dir_all(d.join("x.txt")).unwrap();
    let e = read_file_each(&d.join("x.txt"), &opts())
        .remove(0)
        .unwrap_err();
    assert!(matches!(e, Error::Io { .. }));
    assert!(e.to_string().contains("x.txt"));
}

#[test]
fn dangling_symlink_given_directly_is_io() {
    let d = tempdir("bi-dangle");
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("link.txt")).unwrap();
    let e = expand(&[d.join("link.txt")]).unwrap_err();
    assert!(matches!(&e, Error::Io { path, .. } if path.ends_with("link.txt")));
    assert!(matches!(one(&d.join("link.txt")), Err(Error::Io { .. })));
}

#[test]
fn dangling_symlink_in_a_folder_is_one_error_the_rest_is_read() {
    let d = tempdir("bi-dangle-dir");
    write(&d, "a.txt", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(d.join("nowhere"), d.join("b.txt")).unwrap();
    write(&d, "c.txt", ARTICLE.as_bytes());
    let found = expand_each(std::slice::from_ref(&d));
    assert_eq!(found.len(), 3);
    assert!(found[0].is_ok() && found[2].is_ok());
    assert!(matches!(&found[1], Err(Error::Io { path, .. }) if path.ends_with("b.txt")));
}

#[test]
fn symlink_loop_is_refused_and_the_rest_is_read() {
    let d = tempdir("bi-loop");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    write(&d, "sub/a.txt", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(&d, d.join("sub/back")).unwrap();
    let found = expand_each(std::slice::from_ref(&d));
    let errors: Vec<&Error> = found.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0], Error::Io { .. }));
    assert!(errors[0].to_string().contains("symbolic link loop"));
    assert_eq!(found.iter().filter(|r| r.is_ok()).count(), 1);
    assert!(expand(std::slice::from_ref(&d)).is_err());
}

#[test]
fn files_of_other_extensions_are_ignored_in_folders() {
    let d = tempdir("bi-ext");
    write(&d, "a.txt", ARTICLE.as_bytes());
    write(&d, "b.png", b"\x89PNG\x00");
    write(&d, "c.TXT", ARTICLE.as_bytes());
    let found = expand(std::slice::from_ref(&d)).unwrap();
    assert_eq!(found.len(), 2);
}

#[test]
fn a_folders_own_notes_are_not_read_as_news_but_a_note_named_as_a_file_is() {
    let d = tempdir("bi-meta");
    write(&d, "a.txt", ARTICLE.as_bytes());
    write(&d, "SOURCES.md", b"# Sources\n| doc_id | url |\n");
    write(&d, "readme.txt", b"How these files were collected.");
    write(&d, "LICENSE", b"All rights reserved.");
    write(&d, "CHANGELOG.md", b"## 1.0\n");
    // a name that only begins like a note is news
    write(&d, "sources-of-growth.md", ARTICLE.as_bytes());
    let found = expand(std::slice::from_ref(&d)).unwrap();
    let names: Vec<String> = found
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.txt", "sources-of-growth.md"]);
    let named = expand(&[d.join("SOURCES.md")]).unwrap();
    assert_eq!(named.len(), 1);
}

// ---------------------------------------------------------------- size limits

#[test]
fn document_over_max_doc_bytes_is_too_large() {
    let d = tempdir("bi-large");
    let p = write(&d, "a.txt", ARTICLE.as_bytes());
    let o = ReadOptions {
        max_doc_bytes: 10,
        ..opts()
    };
    let e = read_file(&p, &o).unwrap_err();
    assert!(matches!(e, Error::TooLarge { size, limit: 10, .. } if size == ARTICLE.len() as u64));
}

#[test]
fn document_at_the_limit_is_read() {
    let d = tempdir("bi-limit");
    let p = write(&d, "a.txt", ARTICLE.as_bytes());
    let o = ReadOptions {
        max_doc_bytes: ARTICLE.len() as u64,
        ..opts()
    };
    assert_eq!(read_file(&p, &o).unwrap().len(), 1);
}

#[test]
fn json_line_over_the_limit_names_its_line() {
    let input =
        "{\"id\":\"a\",\"text\":\"短\"}\n{\"id\":\"b\",\"text\":\"这一行的文字超过了上限\"}\n";
    let o = ReadOptions {
        max_doc_bytes: 12,
        ..opts()
    };
    let r = read_jsonl_each("c.jsonl", input.as_bytes(), &o);
    assert!(r[0].is_ok());
    assert!(matches!(&r[1], Err(Error::TooLarge { path, .. }) if path == "c.jsonl:2"));
}

// ---------------------------------------------------------------- JSON lines

fn jsonl_err(input: &str) -> Error {
    read_jsonl("c.jsonl", input.as_bytes(), &opts()).unwrap_err()
}

#[test]
fn invalid_json_line_names_file_and_line() {
    let e = jsonl_err("{\"id\":\"a\",\"text\":\"北京\"}\n{\"id\": \"b\", \"text\": \n");
    assert!(matches!(&e, Error::JsonLine { path, line: 2, .. } if path == "c.jsonl"));
    assert!(e.to_string().starts_with("c.jsonl:2: invalid JSON line"));
}

#[test]
fn json_line_without_text_is_missing_text() {
    let e = jsonl_err("\n\n{\"id\":\"a\",\"title\":\"x\"}\n");
    assert!(matches!(e, Error::MissingText { line: 3, .. }));
}

#[test]
fn json_line_fields_read_as_json_readers_read_them() {
    // escapes decoded, a number id written as JSON writes it, a repeated key keeping its last
    // value, and fields the reader does not know (objects, arrays) skipped
    let input = concat!(
        "{\"id\":7,\"text\":\"\\u5317\\u4eac\\n\\\"x\\\"\",\"meta\":{\"a\":[1,{\"b\":null}]},\"title\":\"t\"}\n",
        "{\"id\":2.5,\"text\":\"first\",\"tags\":[\"a\"],\"text\":\"second\",\"url\":null}\n",
    );
    let docs = read_jsonl("c.jsonl", input.as_bytes(), &opts()).unwrap();
    assert_eq!(docs[0].given.id, "7");
    assert_eq!(docs[0].text, "北京\n\"x\"");
    assert_eq!(docs[0].given.title.as_deref(), Some("t"));
    assert_eq!(docs[1].given.id, "2.5");
    assert_eq!(docs[1].text, "second");
    assert_eq!(docs[1].given.url, None);
    let e = jsonl_err("{\"id\":\"a\",\"text\":\"北京\"} extra");
    assert!(matches!(&e, Error::JsonLine { message, .. } if message.contains("trailing")));
}

#[test]
fn json_line_with_null_text_is_missing_text() {
    assert!(matches!(
        jsonl_err("{\"id\":\"a\",\"text\":null}"),
        Error::MissingText { line: 1, .. }
    ));
}

#[test]
fn json_line_with_a_number_as_text_is_invalid() {
    let e = jsonl_err("{\"id\":\"a\",\"text\":42}");
    assert!(
        matches!(&e, Error::JsonLine { message, .. } if message.contains("\"text\" is not a string"))
    );
}

#[test]
fn json_line_that_is_not_an_object_is_invalid() {
    let e = jsonl_err("[\"北京\"]");
    assert!(
        matches!(&e, Error::JsonLine { message, line: 1, .. } if message.contains("not a JSON object"))
    );
}

#[test]
fn json_line_with_a_bad_date_is_invalid() {
    let e = jsonl_err("{\"id\":\"a\",\"text\":\"北京\",\"published\":\"yesterday\"}");
    assert!(matches!(&e, Error::JsonLine { message, .. } if message.contains("published")));
}

#[test]
fn json_line_with_a_bad_id_type_is_invalid() {
    let e = jsonl_err("{\"id\":[1],\"text\":\"北京\"}");
    assert!(matches!(&e, Error::JsonLine { message, .. } if message.contains("\"id\"")));
}

#[test]
fn json_line_with_invalid_utf8_is_invalid() {
    let mut input = b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"".to_vec();
    input.extend_from_slice(&[0xC4, 0xE3, 0xBA, 0xC3, 0xFF]);
    input.extend_from_slice(b"\"}\n");
    let r = read_jsonl_each("c.jsonl", &input[..], &opts());
    assert!(r[0].is_ok());
    assert!(
        matches!(&r[1], Err(Error::JsonLine { line: 2, message, .. }) if message.contains("UTF-8"))
    );
}

#[test]
fn json_line_with_empty_text_is_empty_and_named_by_line() {
    let e = jsonl_err("{\"id\":\"a\",\"text\":\"  \"}");
    assert!(matches!(&e, Error::Empty { path } if path == "c.jsonl:1"));
}

#[test]
fn a_bad_line_is_one_error_the_other_lines_are_read() {
    let input = "{\"id\":\"a\",\"text\":\"北京\"}\n{oops}\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"上海\"}\n";
    let r = read_jsonl_each("c.jsonl", input.as_bytes(), &opts());
    assert_eq!(r.len(), 4);
    assert!(matches!(r[1], Err(Error::JsonLine { line: 2, .. })));
    assert!(matches!(r[2], Err(Error::MissingText { line: 3, .. })));
    let ids: Vec<&str> = r
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .map(|d| d.given.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "d"]);
}

#[test]
fn empty_jsonl_file_is_empty() {
    let d = tempdir("bi-jsonl-empty");
    let p = write(&d, "c.jsonl", b"");
    assert!(matches!(read_file(&p, &opts()), Err(Error::Empty { .. })));
    let p = write(&d, "d.jsonl", b"\n  \n\r\n");
    assert!(matches!(read_file(&p, &opts()), Err(Error::Empty { .. })));
}

#[test]
fn binary_jsonl_file_is_binary() {
    let d = tempdir("bi-jsonl-bin");
    let p = write(&d, "c.jsonl", b"\x00\x01\x02\x03{\"id\":1}\n");
    assert!(matches!(read_file(&p, &opts()), Err(Error::Binary { .. })));
}

#[test]
fn jsonl_with_bom_crlf_and_numeric_ids_is_read() {
    let input = "\u{feff}{\"id\":7,\"text\":\"北京\"}\r\n{\"text\":\"上海\"}\r\n";
    let docs = read_jsonl("corpus.jsonl", input.as_bytes(), &opts()).unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d.given.id.as_str()).collect();
    assert_eq!(ids, ["7", "corpus:2"]);
    assert_eq!(docs[1].origin, "corpus.jsonl:2");
}

#[test]
fn jsonl_in_gbk_is_read_with_forced_encoding() {
    let (line, _, _) =
        encoding_rs::GBK.encode("{\"id\":\"a\",\"text\":\"星云科技总部位于北京。\"}\n");
    let o = ReadOptions {
        encoding: Some("gbk".into()),
        ..opts()
    };
    let docs = read_jsonl("c.jsonl", &line[..], &o).unwrap();
    assert_eq!(docs[0].text, "星云科技总部位于北京。");
    // without it, the line is not UTF-8: an error naming the line
    assert!(matches!(
        read_jsonl("c.jsonl", &line[..], &opts()),
        Err(Error::JsonLine { line: 1, .. })
    ));
}

#[test]
fn cli_reads_jsonl_as_the_library_does() {
    // build and extract read a JSON-lines corpus line by line on their own threads: a BOM, CRLF
    // line ends, --encoding and a binary file are handled as `read_jsonl` handles them
    let d = tempdir("bi-jsonl-cli");
    let bom = write(
        &d,
        "bom.jsonl",
        "\u{feff}{\"id\":\"a\",\"text\":\"2020年，张三创立了星云科技公司。\"}\r\n".as_bytes(),
    );
    let o = cli(&["build", s(&bom), "--out", s(&d.join("o1"))], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let graph = std::fs::read_to_string(d.join("o1/graph.json")).unwrap();
    assert!(graph.contains("person:张三"), "{graph}");
    let o = cli(&["extract"], Some(&std::fs::read_to_string(&bom).unwrap()));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"id\":\"a\""));

    let (line, _, _) =
        encoding_rs::GBK.encode("{\"id\":\"g\",\"text\":\"2020年，张三创立了星云科技公司。\"}\n");
    let gbk = write(&d, "gbk.jsonl", &line);
    let o = cli(&["build", s(&gbk), "--out", s(&d.join("o2"))], None);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("gbk.jsonl:1") && stderr(&o).contains("--encoding"));
    let o = cli(
        &[
            "build",
            s(&gbk),
            "--encoding",
            "gbk",
            "--out",
            s(&d.join("o3")),
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let graph = std::fs::read_to_string(d.join("o3/graph.json")).unwrap();
    assert!(graph.contains("person:张三"), "{graph}");

    let bin = write(&d, "bin.jsonl", b"\x00\x01\x02{\"id\":1}\n{\"id\":2}\n");
    let o = cli(&["build", s(&bin), "--out", s(&d.join("o4"))], None);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("bin.jsonl: binary file"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- encodings

#[test]
fn utf8_with_and_without_bom() {
    assert_eq!(decode("a", ARTICLE.as_bytes(), None).unwrap(), ARTICLE);
    let mut b = b"\xEF\xBB\xBF".to_vec();
    b.extend_from_slice(ARTICLE.as_bytes());
    assert_eq!(decode("a", &b, None).unwrap(), ARTICLE);
}

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut b = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in s.encode_utf16() {
        b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    b
}

#[test]
fn utf16_le_and_be_with_bom() {
    let text = "云帆智行𠀀成立于2012年。";
    assert_eq!(decode("a", &utf16(text, true), None).unwrap(), text);
    assert_eq!(decode("a", &utf16(text, false), None).unwrap(), text);
}

#[test]
fn truncated_utf16_is_a_decode_error_naming_the_file() {
    let mut b = utf16("北京", true);
    b.push(0x41);
    let e = decode("half.txt", &b, None).unwrap_err();
    assert!(matches!(&e, Error::Decode { path, .. } if path == "half.txt"));
}

#[test]
fn invalid_utf8_after_a_bom_is_a_decode_error() {
    let b = b"\xEF\xBB\xBF\xE5\x8C\x97\xFF\xFE abc";
    assert!(matches!(decode("a", b, None), Err(Error::Decode { .. })));
}

#[test]
fn gbk_is_detected() {
    let (b, _, _) = encoding_rs::GBK.encode(ARTICLE);
    assert!(std::str::from_utf8(&b).is_err());
    assert_eq!(decode("a", &b, None).unwrap(), ARTICLE);
}

#[test]
fn gb18030_four_byte_characters_are_detected_and_decoded() {
    // 𠀀 (U+20000), 㐀 (U+3400) and € only exist in GB18030's four-byte (or extended) ranges
    let text = format!("{ARTICLE}生僻字𠀀与㐀，价格€5。");
    let (b, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(
        b.windows(2)
            .any(|w| (0x81..=0xFE).contains(&w[0]) && (0x30..=0x39).contains(&w[1]))
    );
    assert_eq!(decode("a", &b, None).unwrap(), text);
    assert_eq!(decode("a", &b, Some("gb18030")).unwrap(), text);
}

#[test]
fn big5_traditional_text_is_detected() {
    let (b, _, unmappable) = encoding_rs::BIG5.encode(TRAD);
    assert!(!unmappable);
    assert_eq!(decode("a", &b, None).unwrap(), TRAD);
}

#[test]
fn big5_file_reads_through_the_pipeline() {
    let d = tempdir("bi-big5");
    let (b, _, _) = encoding_rs::BIG5.encode(TRAD);
    let p = write(&d, "trad.txt", &b);
    let doc = one(&p).unwrap();
    assert_eq!(doc.text, TRAD);
    let x = PIPELINE.extract(&doc.text, &doc.given).unwrap();
    for e in &x.entities {
        for m in &e.mentions {
            let got: String = TRAD.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(got, &*m.text);
        }
    }
}

#[test]
fn forced_encoding_wins_over_detection() {
    let (b, _, _) = encoding_rs::BIG5.encode(TRAD);
    assert_eq!(decode("a", &b, Some("big5")).unwrap(), TRAD);
    let (g, _, _) = encoding_rs::GBK.encode(ARTICLE);
    assert_eq!(decode("a", &g, Some("GBK")).unwrap(), ARTICLE);
}

#[test]
fn forced_encoding_that_does_not_fit_is_a_decode_error() {
    let (g, _, _) = encoding_rs::GBK.encode(ARTICLE);
    let e = decode("gbk.txt", &g, Some("utf-8")).unwrap_err();
    assert!(matches!(&e, Error::Decode { path, .. } if path == "gbk.txt"));
    assert!(e.to_string().contains("gbk.txt"));
}

#[test]
fn unknown_encoding_label_is_a_decode_error() {
    assert!(matches!(
        decode("a", b"abc", Some("klingon")),
        Err(Error::Decode { reason, .. }) if reason.contains("klingon")
    ));
}

// ---------------------------------------------------------------- HTML and front matter

const PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>云帆智行发布大模型</title>
<meta property="article:published_time" content="2023-04-20T10:00:00+08:00">
<style>.x{font:12px}</style><script>window.a = "<p>脚本里的字</p>";</script></head>
<body><nav><ul><li><a href="/">首页</a></li><li><a href="/tech">科技频道</a></li></ul></nav>
<div id="main"><article><h1>云帆智行发布大模型</h1>
<p>2023年4月20日，云帆智行在北京举行发布会，发布了大模型“序列猴子”。创始人周明远表示，这是公司成立以来最重要的一次发布。</p>
<p>云帆智行成立于2012年10月，总部位于北京，周明远此前在谷歌总部工作。公司在2019年进行了一轮调整，精简了业务线。</p>
<p>周明远说：“我们&ldquo;训练&rdquo;出了一个60亿参数的模型&hellip;&hellip;”</p></article></div>
<footer><p>版权所有 © 2023 某科技网 京ICP备000000号</p></footer>
<script>track();</script></body></html>"#;

#[test]
fn html_file_gives_article_text_without_furniture() {
    let d = tempdir("bi-html");
    let p = write(&d, "page.html", PAGE.as_bytes());
    let doc = one(&p).unwrap();
    assert!(doc.from_html);
    assert!(
        doc.text.contains("云帆智行在北京举行发布会"),
        "{}",
        doc.text
    );
    assert!(
        doc.text.contains("“训练”"),
        "entities decoded: {}",
        doc.text
    );
    for junk in ["脚本里的字", "科技频道", "版权所有", "font", "track", "<p>"] {
        assert!(!doc.text.contains(junk), "{junk} left in {}", doc.text);
    }
    assert_eq!(doc.given.title.as_deref(), Some("云帆智行发布大模型"));
    assert_eq!(
        doc.given.published,
        chrono::NaiveDate::from_ymd_opt(2023, 4, 20)
    );
    // offsets refer to the extracted text
    let x = PIPELINE.extract(&doc.text, &doc.given).unwrap();
    assert!(!x.entities.is_empty());
    for e in &x.entities {
        for m in &e.mentions {
            // the page's <title> is not in the article text: it is read as a first line of
            // its own, and its offsets point into it
            let given = match m.field {
                TextField::Text => &doc.text,
                TextField::Title => doc.given.title.as_ref().unwrap(),
            };
            let got: String = given.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(got, &*m.text);
        }
    }
}

#[test]
fn json_line_html_field_is_extracted() {
    let line = serde_json::json!({"id": "p", "html": PAGE}).to_string();
    let docs = read_jsonl("c.jsonl", line.as_bytes(), &opts()).unwrap();
    assert!(docs[0].from_html);
    assert!(!docs[0].text.contains("脚本里的字"));
    assert!(docs[0].text.contains("序列猴子"));
}

#[test]
fn html_page_with_no_text_is_empty() {
    let d = tempdir("bi-html-empty");
    let p = write(
        &d,
        "blank.html",
        b"<html><head><script>var a=1;</script><style>p{}</style></head><body><!-- nothing --> &nbsp; </body></html>",
    );
    let e = one(&p).unwrap_err();
    assert!(matches!(&e, Error::Empty { path } if path.ends_with("blank.html")));
}

#[test]
fn text_file_with_front_matter_and_markup_keeps_offsets_in_the_file() {
    // the structure of the scraped articles: YAML front matter, then HTML-bearing text
    let raw = "---\ntitle: '云帆智行的十年'\ndate: Fri, 18 Jun 2021 05:37:00 GMT\nauthor: 某杂志\n---\n<div class=\"content\"><p>2012年10月，周明远从谷歌离职后回国创立了云帆智行。</p>\n<p>云帆智行总部位于北京&nbsp;中关村。</p><script>x()</script></div>\n";
    let d = tempdir("bi-front");
    let p = write(&d, "article.txt", raw.as_bytes());
    let doc = one(&p).unwrap();
    assert!(!doc.from_html);
    assert_eq!(doc.text, raw);
    let x = PIPELINE.extract(&doc.text, &doc.given).unwrap();
    assert_eq!(x.doc.title.as_deref(), Some("云帆智行的十年"));
    assert_eq!(
        x.doc.published,
        chrono::NaiveDate::from_ymd_opt(2021, 6, 18)
    );
    let mut checked = 0;
    for e in &x.entities {
        for m in e.mentions.iter().filter(|m| &*m.rule != "title") {
            let got: String = raw.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(got, &*m.text);
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn unterminated_front_matter_is_text() {
    let raw = "---\ntitle: x\n周明远创立了云帆智行。";
    let x = PIPELINE
        .extract(
            raw,
            &shiji::document::clean::Given {
                id: "t".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(x.doc.title.as_deref() != Some("x"));
}

#[test]
fn text_of_only_markup_and_chrome_is_empty_once_cleaned() {
    let given = shiji::document::clean::Given {
        id: "t".into(),
        ..Default::default()
    };
    let e = PIPELINE
        .extract("<div><script>1</script></div><p> </p>", &given)
        .err()
        .unwrap();
    assert!(matches!(e, Error::Empty { .. }));
}

// ---------------------------------------------------------------- the command line

#[test]
fn cli_empty_file_exits_1_naming_it() {
    let d = tempdir("bc-empty");
    let p = write(&d, "empty.txt", b"");
    let o = cli(&["build", s(&p), "--out", s(&d.join("out"))], None);
    assert_eq!(code(&o), 1);
    let e = stderr(&o);
    assert!(
        e.contains("shiji: error:") && e.contains("empty.txt") && e.contains("empty document"),
        "{e}"
    );
}

#[test]
fn cli_skip_bad_counts_every_bad_file() {
    let d = tempdir("bc-skip");
    let inp = d.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    write(&inp, "a.txt", ARTICLE.as_bytes());
    write(&inp, "b.txt", b"");
    write(&inp, "c.txt", b"\x00\x01binary");
    std::os::unix::fs::symlink(inp.join("nowhere"), inp.join("d.txt")).unwrap();
    write(
        &inp,
        "e.jsonl",
        "{\"id\":\"e1\",\"text\":\"北京\"}\nnot json\n{\"id\":\"e3\"}\n".as_bytes(),
    );
    let o = cli(
        &["build", s(&inp), "--out", s(&d.join("out")), "--skip-bad"],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("skipped 5 bad input(s)"), "{e}");
    assert!(e.contains("2 document(s)"), "{e}");
    assert!(e.contains("e.jsonl:2") && e.contains("e.jsonl:3"), "{e}");
    assert!(d.join("out/graph.json").is_file());
}

#[test]
fn cli_bad_json_line_without_skip_bad_names_the_line() {
    let d = tempdir("bc-jsonl");
    let p = write(
        &d,
        "c.jsonl",
        "{\"id\":\"a\",\"text\":\"北京\"}\n{\"id\":\"b\",\n".as_bytes(),
    );
    let o = cli(&["build", s(&p), "--out", s(&d.join("out"))], None);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("c.jsonl:2: invalid JSON line"),
        "{}",
        stderr(&o)
    );
    assert!(!d.join("out").exists());
}

#[test]
fn cli_extract_stdin_skips_only_the_bad_line() {
    let input = "{\"id\":\"a\",\"text\":\"周明远创立了云帆智行。\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":\"北京\"}\n";
    let o = cli(&["extract", "--skip-bad"], Some(input));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    let e = stderr(&o);
    assert!(
        e.contains("<stdin>:2") && e.contains("skipped 1 bad input(s)"),
        "{e}"
    );
}

#[test]
fn cli_missing_json_text_exits_1() {
    let o = cli(&["extract"], Some("{\"id\":\"a\"}\n"));
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("<stdin>:1: JSON line has no \"text\" field"));
}

#[test]
fn cli_unknown_encoding_is_a_usage_error() {
    let o = cli(
        &["build", "--encoding", "klingon", "--out", "/nonexistent"],
        None,
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("unknown encoding"));
}

#[test]
fn cli_forced_encoding_that_does_not_fit_exits_1() {
    let d = tempdir("bc-enc");
    let (g, _, _) = encoding_rs::GBK.encode(ARTICLE);
    let p = write(&d, "gbk.txt", &g);
    let o = cli(
        &[
            "build",
            s(&p),
            "--encoding",
            "utf-8",
            "--out",
            s(&d.join("o")),
        ],
        None,
    );
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("gbk.txt: cannot decode as text"),
        "{}",
        stderr(&o)
    );
    let o = cli(
        &[
            "build",
            s(&p),
            "--encoding",
            "gbk",
            "--out",
            s(&d.join("o")),
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn cli_out_that_is_a_file_is_refused() {
    let d = tempdir("bc-outfile");
    let p = write(&d, "a.txt", ARTICLE.as_bytes());
    let out = write(&d, "out", b"keep me");
    let o = cli(&["build", s(&p), "--out", s(&out)], None);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("--out is a file"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
}

#[test]
fn cli_missing_input_exits_1_naming_it() {
    let d = tempdir("bc-missing");
    let o = cli(
        &["build", s(&d.join("nope.txt")), "--out", s(&d.join("o"))],
        None,
    );
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("nope.txt"));
}

#[test]
fn cli_symlink_loop_is_an_error_or_a_skip() {
    let d = tempdir("bc-loop");
    let inp = d.join("in");
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    write(&inp, "sub/a.txt", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(&inp, inp.join("sub/loop")).unwrap();
    let o = cli(&["build", s(&inp), "--out", s(&d.join("o"))], None);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("symbolic link loop"));
    let o = cli(
        &["build", s(&inp), "--out", s(&d.join("o")), "--skip-bad"],
        None,
    );
    assert_eq!(code(&o), 0);
    assert!(stderr(&o).contains("skipped 1 bad input(s)"));
}

#[test]
fn cli_max_doc_bytes() {
    let d = tempdir("bc-max");
    let p = write(&d, "a.txt", ARTICLE.as_bytes());
    let o = cli(
        &[
            "build",
            s(&p),
            "--max-doc-bytes",
            "100",
            "--out",
            s(&d.join("o")),
        ],
        None,
    );
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("is over the limit of 100 bytes"));
    let o = cli(
        &[
            "build",
            s(&p),
            "--max-doc-bytes",
            "x",
            "--out",
            s(&d.join("o")),
        ],
        None,
    );
    assert_eq!(code(&o), 2);
}

#[test]
fn cli_all_inputs_bad_with_skip_bad_exits_1() {
    let d = tempdir("bc-allbad");
    let p = write(&d, "a.txt", b"");
    let o = cli(
        &["build", s(&p), "--skip-bad", "--out", s(&d.join("o"))],
        None,
    );
    assert_eq!(code(&o), 1);
    let e = stderr(&o);
    assert!(e.contains("warning") && e.contains("no documents"), "{e}");
}

#[test]
fn cli_merge_of_a_folder_or_bad_line_exits_1() {
    let d = tempdir("bc-merge");
    let o = cli(&["merge", s(&d), "--out", s(&d.join("o"))], None);
    assert_eq!(code(&o), 1);
    let p = write(&d, "x.jsonl", b"{\"schema\":1}\n");
    let o = cli(&["merge", s(&p), "--out", s(&d.join("o"))], None);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("x.jsonl:1"), "{}", stderr(&o));
}

#[test]
fn cli_keep_text_writes_the_extracted_text() {
    let d = tempdir("bc-keep");
    let p = write(&d, "page.html", PAGE.as_bytes());
    let out = d.join("o");
    let o = cli(&["build", s(&p), "--keep-text", "--out", s(&out)], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = std::fs::read_to_string(out.join("text/page.txt")).unwrap();
    assert!(text.contains("序列猴子") && !text.contains("<p>"));
    // every offset of graph.json refers to that text
    let g: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("graph.json")).unwrap()).unwrap();
    let (mut checked, mut in_title) = (0, 0);
    for n in g["nodes"].as_array().unwrap() {
        for ev in n["evidence"].as_array().into_iter().flatten() {
            let (a, b) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            let got: String = text.chars().skip(a).take(b - a).collect();
            if ev.get("field").is_some() {
                // the page's <title>, which the article text does not hold, is read too
                assert_eq!(ev["field"], "title");
                let t = ev["text"].as_str().unwrap();
                assert!("云帆智行发布大模型".contains(t), "{t}");
                in_title += 1;
            } else if ev["rule"] != "title" {
                assert_eq!(got, ev["text"].as_str().unwrap());
                checked += 1;
            }
        }
    }
    assert!(checked > 0 && in_title > 0);
}

#[test]
fn cli_entities_invalid_utf8_names_the_line() {
    let mut c = Command::new(bin())
        .arg("entities")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = c.stdin.take().unwrap();
    input
        .write_all(b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"\xff\xfe\"}\n")
        .unwrap();
    drop(input);
    let o = c.wait_with_output().unwrap();
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("<stdin>:2"), "{}", stderr(&o));
}

#[test]
fn cli_merge_invalid_utf8_names_the_line() {
    let d = tempdir("bc-merge-utf8");
    let p = write(&d, "x.jsonl", b"\n\xff\xfe\n");
    let o = cli(&["merge", s(&p), "--out", s(&d.join("o"))], None);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("x.jsonl:2"), "{}", stderr(&o));
}

#[test]
fn escaped_markup_in_a_json_line_is_stripped_and_offsets_hold() {
    // a dump that stored a page's source as text: the markup is escaped once more
    let text = "星河科技今天发布了新产品。\n\n&lt;div class=&quot;title&quot;&gt;&lt;strong&gt;原标题&lt;/strong&gt; [&lt;strong&gt;5亿元收购星河科技 远山集团成最大股东&lt;/strong&gt;]&lt;/div&gt;　　昨日，远山集团发布公告称，公司以5亿元收购了星河科技。&lt;br /&gt;";
    let line =
        serde_json::json!({"id": "esc", "published": "2023-04-03", "text": text}).to_string();
    let o = cli(&["extract", "-"], Some(&line));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let x: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let events = x["events"].as_array().unwrap();
    assert!(
        events.iter().any(|e| e["type"] == "acquisition"),
        "{events:?}"
    );
    for e in events {
        let name = e["name"].as_str().unwrap();
        assert!(!name.contains("&lt") && !name.contains('<'), "{name}");
        for ev in e["evidence"].as_array().unwrap() {
            let (s, t) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            // the cleaned sentence holds no markup, and the span starts and ends on its text
            let sentence = ev["sentence"].as_str().unwrap();
            assert!(
                !sentence.contains("&lt") && !sentence.contains('<'),
                "{sentence}"
            );
            assert!(s < t && sentence.contains(chars[s]) && sentence.contains(chars[t - 1]));
        }
    }
}
