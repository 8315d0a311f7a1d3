//! Bytes to text: byte-order marks, UTF-16, and legacy Chinese encodings (GBK/GB18030, Big5)
//! detected with chardetng and decoded with encoding_rs.
use crate::{Error, Result};
use encoding_rs::Encoding;

/// Decodes `bytes` read from `path`. `forced` names an encoding label (`gbk`, `big5`, `utf-16le`…)
/// that overrides detection.
pub fn decode(path: &str, bytes: &[u8], forced: Option<&str>) -> Result<String> {
    if let Some(label) = forced {
        let enc = Encoding::for_label(label.as_bytes()).ok_or_else(|| Error::Decode {
            path: path.to_string(),
            reason: format!("unknown encoding {label:?}"),
        })?;
        let (text, _, had_errors) = enc.decode(bytes);
        if had_errors {
            return Err(Error::Decode {
                path: path.to_string(),
                reason: format!("invalid {} bytes", enc.name()),
            });
        }
        return Ok(text.into_owned());
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(Error::Decode {
                path: path.to_string(),
                reason: format!("invalid {} after its byte-order mark", enc.name()),
            });
        }
        return Ok(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(Error::Binary {
            path: path.to_string(),
        });
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        return Err(Error::Decode {
            path: path.to_string(),
            reason: format!("not UTF-8, and not valid {} either", enc.name()),
        });
    }
    Ok(text.into_owned())
}

/// NUL bytes or many control bytes in the first 8 KiB mean the file is not text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_is_detected_and_decoded() {
        let (bytes, _, _) = encoding_rs::GBK.encode("星河智能是一家人工智能公司，总部位于北京。");
        assert_eq!(
            decode("a.txt", &bytes, None).unwrap(),
            "星河智能是一家人工智能公司，总部位于北京。"
        );
    }

    #[test]
    fn utf16_with_bom_and_utf8_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "北京".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode("a", &b, None).unwrap(), "北京");
        assert_eq!(
            decode("a", "\u{feff}上海".as_bytes(), None).unwrap(),
            "上海"
        );
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode("x.bin", &[0x7f, 0x45, 0, 0, 1, 2], None),
            Err(Error::Binary { .. })
        ));
    }
}
