//! The language knowledge of the entity stage, read from `data/lexicon/*.tsv` and
//! `data/entity/*.tsv` (embedded; a user's folder or `--lexicon FILE` extends it).
use crate::data::{parse_tsv, read_override, read_words, read_words_by_kind};
use crate::model::EntityType;
use crate::{Error, Result};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{HashMap, HashSet};
use std::path::Path;

const LEXICONS: &[(&str, &str)] = &[
    (
        "lexicon/organizations.tsv",
        include_str!("../../data/lexicon/organizations.tsv"),
    ),
    (
        "lexicon/products.tsv",
        include_str!("../../data/lexicon/products.tsv"),
    ),
    (
        "lexicon/places.tsv",
        include_str!("../../data/lexicon/places.tsv"),
    ),
    (
        "lexicon/persons.tsv",
        include_str!("../../data/lexicon/persons.tsv"),
    ),
];
const SURNAMES: &str = include_str!("../../data/lexicon/surnames.tsv");
const NOT_NAMES: &str = include_str!("../../data/lexicon/not_names.tsv");
const LATIN_COMMON: &str = include_str!("../../data/lexicon/latin_common.tsv");
const TITLES: &str = include_str!("../../data/entity/titles.tsv");
const ORG_SUFFIXES: &str = include_str!("../../data/entity/org_suffixes.tsv");
const LEGAL_FORMS: &str = include_str!("../../data/entity/legal_forms.tsv");
const CATEGORIES: &str = include_str!("../../data/entity/categories.tsv");
const CUES: &str = include_str!("../../data/entity/cues.tsv");
const BOUNDARY: &str = include_str!("../../data/entity/boundary.tsv");
const PLACE_SUFFIXES: &str = include_str!("../../data/entity/place_suffixes.tsv");
const ABBREVIATIONS: &str = include_str!("../../data/entity/abbreviations.tsv");
const SHORT_NAME_CUES: &str = include_str!("../../data/entity/short_name_cues.tsv");
const GENERIC_HEADS: &str = include_str!("../../data/entity/generic_heads.tsv");
const PRODUCT_HEADS: &str = include_str!("../../data/entity/product_heads.tsv");
const UNIT_HEADS: &str = include_str!("../../data/entity/unit_heads.tsv");
const KIN_WORDS: &str = include_str!("../../data/entity/kin_words.tsv");
const STYLE_SUFFIXES: &str = include_str!("../../data/entity/style_suffixes.tsv");
const PLAN_WORDS: &str = include_str!("../../data/entity/plan_words.tsv");
const GLOSSES: &str = include_str!("../../data/entity/glosses.tsv");
const COMPANY_EVIDENCE: &str = include_str!("../../data/entity/company_evidence.tsv");
const FACILITY_WORDS: &str = include_str!("../../data/entity/facility_words.tsv");
const MODEL_WORDS: &str = include_str!("../../data/entity/model_words.tsv");
const BRANCH_WORDS: &str = include_str!("../../data/entity/branch_words.tsv");
const SOURCE_FRAMES: &str = include_str!("../../data/entity/source_frames.tsv");
const INDUSTRY_CONTEXT: &str = include_str!("../../data/entity/industry_context.tsv");

#[derive(Clone, Debug)]
pub struct LexEntry {
    pub name: String,
    pub kind: EntityType,
    pub subtype: Option<String>,
    pub aliases: Vec<String>,
    /// From the user's `--lexicon`: wins over everything else.
    pub user: bool,
}

#[derive(Clone, Debug)]
pub struct Title {
    pub word: String,
    pub relation: String,
    pub role: String,
}

#[derive(Clone, Debug)]
pub struct Suffix {
    pub word: String,
    pub subtype: String,
    pub keep: bool,
    /// A word for a sector as much as a name's end (科技, 资本): a place before it alone
    /// describes the place's sector (亚洲科技 "Asian tech"), not a company.
    pub sector: bool,
    /// An industry word (乳业, 水泥): a name before it needs the text's evidence that it is a
    /// company (`company_evidence.tsv`); the plain suffix rule never takes it alone.
    pub evidence: bool,
    /// Only evidence after the name counts (股份: 增持X股份 is "X's shares").
    pub after_only: bool,
}

/// A word around a short company name that shows the text treats it as a company
/// (`company_evidence.tsv`).
#[derive(Clone, Debug)]
pub struct CompanyEvidence {
    /// Words right after the name (股份, 公告称) → strong.
    pub after: HashMap<String, bool>,
    /// Words right before the name (收购, 增持) → strong.
    pub before: HashMap<String, bool>,
    /// The longest word of either side, in characters.
    pub max_len: usize,
    /// Words anywhere in the sentence (side sentence: 持股, 举牌): weak evidence.
    pub sentence: AhoCorasick,
}

#[derive(Clone, Debug)]
pub struct Category {
    pub word: String,
    pub kind: EntityType,
    pub subtype: String,
}

#[derive(Clone, Debug)]
pub struct Cue {
    pub word: String,
    pub after: bool,
    pub strong: bool,
    pub kind: EntityType,
    pub subtype: String,
}

pub struct Lexicon {
    pub entries: Vec<LexEntry>,
    /// Every surface form (name and aliases) of every entry.
    pub matcher: AhoCorasick,
    pub surface_entry: Vec<usize>,
    /// Surface form → entry, for lookups of names found by other means.
    pub by_surface: HashMap<String, usize>,
    pub surnames: HashSet<String>,
    pub not_names: HashSet<String>,
    pub latin_common: HashSet<String>,
    pub titles: Vec<Title>,
    pub title_matcher: AhoCorasick,
    pub suffixes: Vec<Suffix>,
    /// Every suffix, industry words (evidence yes) included, for names taken on evidence.
    pub industry: Vec<Suffix>,
    pub industry_matcher: AhoCorasick,
    pub company_evidence: CompanyEvidence,
    /// Words before an industry word that make it a trade, not a company (全国, 国内).
    pub industry_generic: HashSet<String>,
    /// Words after an industry word that make it a sector (市场, 行业).
    pub industry_sector: HashSet<String>,
    pub industry_sector_max_len: usize,
    /// Words that make a building or venue of a known place before them (商城, 广场).
    pub facility_words: Vec<String>,
    /// Words that make a branch of a known organization before a place (分公司, 分行).
    pub branch_words: Vec<String>,
    /// The frames that name a news outlet as the text's source (据X报道: `source_frames.tsv`):
    /// per first word, the words that may close the frame.
    pub source_frames: Vec<(String, Vec<String>)>,
    /// The first words of `source_frames`, pattern `i` for entry `i`.
    pub source_frame_matcher: AhoCorasick,
    /// Words that end a model's name after its code (Pro, Max, 至尊版, DM-i), the words after a
    /// code of digits that make it an amount or a date (亿, 年), and the powertrain words before
    /// a Han model name (双擎, 混动) (`model_words.tsv`).
    pub model_suffixes: Vec<String>,
    pub model_units: Vec<String>,
    pub model_prefixes: Vec<String>,
    /// The context of a news outlet's name (`events/reporters.tsv`: 告诉@, 据@了解), as
    /// (before the name, after it).
    pub reporters: Vec<(regex::Regex, regex::Regex)>,
    /// The words of `suffixes`, and those of `titles`, for membership tests without a scan
    /// (built with them in [`Lexicon::load`]).
    suffix_words: HashSet<String>,
    title_words: HashSet<String>,
    pub suffix_matcher: AhoCorasick,
    /// A capitalized Latin name of one to five words and its legal form (`legal_forms.tsv`):
    /// group `full` is the name with its form, group `name` the name before the form.
    pub legal_name: regex::Regex,
    pub categories: Vec<Category>,
    pub category_by_word: HashMap<String, usize>,
    pub cues: Vec<Cue>,
    pub cue_matcher: AhoCorasick,
    pub boundary: HashSet<String>,
    pub boundary_max_len: usize,
    /// The boundary words of kind `category head` (公司, 机构): a category named right before a
    /// name in apposition (创业公司X科技).
    pub category_heads: HashSet<String>,
    pub place_suffixes: HashSet<String>,
    /// One-character abbreviations of places and the full names (日 → 日本).
    pub abbreviations: HashMap<char, String>,
    pub generic_heads: HashSet<String>,
    /// The heads whose name may follow them in brackets (子公司（X）: `generic_heads.tsv`).
    pub bracket_heads: Vec<String>,
    /// The longest of `bracket_heads`, in characters.
    pub bracket_heads_max_len: usize,
    /// Heads that never stand inside a name (子公司, 旗下): a span holding one is a description.
    pub description_heads: AhoCorasick,
    /// Head nouns that end a product's description after its brand (解决方案, 芯片), with the
    /// subtype they give (`product_heads.tsv`).
    pub product_heads: HashMap<String, String>,
    /// Words that end the name of a unit inside an organization (团队, 部门).
    pub unit_heads: Vec<String>,
    /// Kinship words before a person's name (夫人, 父亲).
    pub kin_matcher: AhoCorasick,
    /// The first words of a bracketed gloss and the type they give the name before it
    /// (一种 → product, 一家 → organization).
    pub glosses: Vec<(String, EntityType)>,
    /// Last characters of two-character words for a kind or style (佛系, 中式).
    pub style_suffixes: HashSet<String>,
    /// Words after a code-like name that make it a plan's (K100战略), not a product's.
    pub plan_words: Vec<String>,
    /// Words opening a bracket that gives an organization's short name (简称, 以下简称).
    pub short_name_cues: Vec<String>,
}

/// The strength column of the company-evidence tables: `strong` or `weak`.
fn strength(file: &str, line: usize, field: &str) -> Result<bool> {
    match field.trim() {
        "strong" => Ok(true),
        "weak" => Ok(false),
        other => Err(Error::data(
            file,
            line,
            format!("strength must be strong|weak, not {other:?}"),
        )),
    }
}

fn matcher(words: &[String]) -> Result<AhoCorasick> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(words)
        .map_err(|e| Error::Output(format!("cannot build matcher: {e}")))
}

fn parse_entries(file: &str, text: &str, user: bool, out: &mut Vec<LexEntry>) -> Result<()> {
    for row in parse_tsv(file, text, 2)? {
        let kind = EntityType::parse(row.fields[1].trim()).ok_or_else(|| {
            Error::data(
                file,
                row.line,
                format!("unknown entity type {:?}", row.fields[1]),
            )
        })?;
        let subtype = row
            .fields
            .get(2)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        let aliases = row
            .fields
            .get(3)
            .map(|s| {
                s.split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        out.push(LexEntry {
            name: row.fields[0].trim().to_string(),
            kind,
            subtype,
            aliases,
            user,
        });
    }
    Ok(())
}

impl Lexicon {
    /// Builds the lexicon from the embedded data, files in `data_dir` overriding, and the user's
    /// lexicon files (same columns as `data/lexicon/*.tsv`), which win over all other sources.
    pub fn load(data_dir: Option<&Path>, user_files: &[std::path::PathBuf]) -> Result<Lexicon> {
        let mut entries = Vec::new();
        for user_file in user_files {
            let text = std::fs::read_to_string(user_file).map_err(|e| Error::io(user_file, e))?;
            parse_entries(&user_file.display().to_string(), &text, true, &mut entries)?;
        }
        for (name, embedded) in LEXICONS {
            let (file, text) = read_override(data_dir, name, embedded)?;
            parse_entries(&file, &text, false, &mut entries)?;
        }
        let mut surfaces: Vec<String> = Vec::new();
        let mut surface_entry = Vec::new();
        let mut by_surface: HashMap<String, usize> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for s in std::iter::once(&e.name).chain(e.aliases.iter()) {
                // the first entry that claims a surface keeps it: user entries come first
                if s.chars().count() < 2 || by_surface.contains_key(s) {
                    continue;
                }
                by_surface.insert(s.clone(), i);
                surfaces.push(s.clone());
                surface_entry.push(i);
            }
        }
        let (file, text) = read_override(data_dir, "lexicon/surnames.tsv", SURNAMES)?;
        let surnames = parse_tsv(&file, &text, 1)?
            .iter()
            .map(|r| r.fields[0].trim().to_string())
            .collect();
        let (file, text) = read_override(data_dir, "lexicon/not_names.tsv", NOT_NAMES)?;
        let not_names = parse_tsv(&file, &text, 1)?
            .iter()
            .map(|r| r.fields[0].trim().to_string())
            .collect();
        let (file, text) = read_override(data_dir, "lexicon/latin_common.tsv", LATIN_COMMON)?;
        let latin_common = parse_tsv(&file, &text, 1)?
            .iter()
            .map(|r| r.fields[0].trim().to_lowercase())
            .collect();
        let (file, text) = read_override(data_dir, "entity/titles.tsv", TITLES)?;
        let titles: Vec<Title> = parse_tsv(&file, &text, 3)?
            .iter()
            .map(|r| Title {
                word: r.fields[0].to_string(),
                relation: r.fields[1].to_string(),
                role: r.fields[2].to_string(),
            })
            .collect();
        let (file, text) = read_override(data_dir, "entity/legal_forms.tsv", LEGAL_FORMS)?;
        let mut forms: Vec<String> = parse_tsv(&file, &text, 1)?
            .iter()
            .map(|r| r.fields[0].trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        // the longest form first, so that `Co., Ltd.` wins over `Co.`
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternatives: Vec<String> = forms.iter().map(|f| regex::escape(f)).collect();
        let legal_name = regex::Regex::new(&format!(
            r"(?P<full>(?P<name>[A-Z][A-Za-z0-9&'\-]*(?: (?:[A-Z][A-Za-z0-9&'\-]*|&|and|of)){{0,4}}),? (?:{}))(?:[^A-Za-z0-9]|$)",
            alternatives.join("|")
        ))
        .map_err(|e| Error::data(&file, 0, e.to_string()))?;
        let (file, text) = read_override(data_dir, "entity/org_suffixes.tsv", ORG_SUFFIXES)?;
        let industry: Vec<Suffix> = parse_tsv(&file, &text, 3)?
            .iter()
            .map(|r| Suffix {
                word: r.fields[0].to_string(),
                subtype: r.fields[1].to_string(),
                keep: r.fields[2].trim() == "yes",
                sector: r.fields.get(3).is_some_and(|f| f.trim() == "yes"),
                evidence: r
                    .fields
                    .get(4)
                    .is_some_and(|f| matches!(f.trim(), "yes" | "after")),
                after_only: r.fields.get(4).is_some_and(|f| f.trim() == "after"),
            })
            .collect();
        let suffixes: Vec<Suffix> = industry.iter().filter(|s| !s.evidence).cloned().collect();
        let (file, text) =
            read_override(data_dir, "entity/company_evidence.tsv", COMPANY_EVIDENCE)?;
        let (mut after, mut before, mut sentence) = (HashMap::new(), HashMap::new(), Vec::new());
        let mut max_len = 0;
        for r in parse_tsv(&file, &text, 3)? {
            let strong = strength(&file, r.line, r.fields[2])?;
            let word = r.fields[0].trim().to_string();
            let side = match r.fields[1].trim() {
                "after" => &mut after,
                "before" => &mut before,
                "sentence" => {
                    sentence.push(word);
                    continue;
                }
                other => {
                    return Err(Error::data(
                        &file,
                        r.line,
                        format!("side must be after|before|sentence, not {other:?}"),
                    ));
                }
            };
            max_len = max_len.max(word.chars().count());
            side.insert(word, strong);
        }
        let company_evidence = CompanyEvidence {
            after,
            before,
            max_len,
            sentence: matcher(&sentence)?,
        };
        let [generic, sector]: [Vec<String>; 2] = read_words_by_kind(
            data_dir,
            "entity/industry_context.tsv",
            INDUSTRY_CONTEXT,
            "kind",
            ["generic", "sector"],
        )?;
        let industry_sector_max_len = sector.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let (file, text) = read_override(data_dir, "entity/categories.tsv", CATEGORIES)?;
        let mut categories = Vec::new();
        for r in parse_tsv(&file, &text, 3)? {
            let kind = EntityType::parse(r.fields[1]).ok_or_else(|| {
                Error::data(&file, r.line, format!("unknown type {:?}", r.fields[1]))
            })?;
            categories.push(Category {
                word: r.fields[0].to_string(),
                kind,
                subtype: r.fields[2].to_string(),
            });
        }
        let (file, text) = read_override(data_dir, "entity/cues.tsv", CUES)?;
        let mut cues = Vec::new();
        for r in parse_tsv(&file, &text, 5)? {
            let kind = EntityType::parse(r.fields[2]).ok_or_else(|| {
                Error::data(&file, r.line, format!("unknown type {:?}", r.fields[2]))
            })?;
            let after = match r.fields[1] {
                "after" => true,
                "before" => false,
                other => {
                    return Err(Error::data(
                        &file,
                        r.line,
                        format!("side must be after|before, not {other:?}"),
                    ));
                }
            };
            let strong = strength(&file, r.line, r.fields[4])?;
            cues.push(Cue {
                word: r.fields[0].to_string(),
                after,
                strong,
                kind,
                subtype: r.fields[3].to_string(),
            });
        }
        let (file, text) = read_override(data_dir, "entity/boundary.tsv", BOUNDARY)?;
        let rows = parse_tsv(&file, &text, 1)?;
        let boundary: HashSet<String> = rows.iter().map(|r| r.fields[0].to_string()).collect();
        let category_heads: HashSet<String> = rows
            .iter()
            .filter(|r| r.fields.get(1).is_some_and(|k| k.trim() == "category head"))
            .map(|r| r.fields[0].to_string())
            .collect();
        let boundary_max_len = boundary
            .iter()
            .map(|b| b.chars().count())
            .max()
            .unwrap_or(1);
        let place_suffixes = read_words(data_dir, "entity/place_suffixes.tsv", PLACE_SUFFIXES)?;
        let (file, text) = read_override(data_dir, "entity/product_heads.tsv", PRODUCT_HEADS)?;
        let product_heads: HashMap<String, String> = parse_tsv(&file, &text, 2)?
            .into_iter()
            .map(|r| {
                (
                    r.fields[0].trim().to_string(),
                    r.fields[1].trim().to_string(),
                )
            })
            .collect();
        let (file, text) = read_override(data_dir, "entity/abbreviations.tsv", ABBREVIATIONS)?;
        let mut abbreviations = HashMap::new();
        for r in parse_tsv(&file, &text, 2)? {
            let mut chars = r.fields[0].trim().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => {
                    abbreviations.insert(c, r.fields[1].trim().to_string());
                }
                _ => {
                    return Err(Error::data(
                        &file,
                        r.line,
                        "an abbreviation is one character".to_string(),
                    ));
                }
            }
        }
        let (file, text) = read_override(data_dir, "entity/generic_heads.tsv", GENERIC_HEADS)?;
        let heads = parse_tsv(&file, &text, 1)?;
        let generic_heads = heads.iter().map(|r| r.fields[0].to_string()).collect();
        let bracket_heads: Vec<String> = heads
            .iter()
            .filter(|r| r.fields.get(3).is_some_and(|f| f.trim() == "yes"))
            .map(|r| r.fields[0].to_string())
            .collect();
        let bracket_heads_max_len = bracket_heads
            .iter()
            .map(|h| h.chars().count())
            .max()
            .unwrap_or(0);
        let description_heads = heads
            .iter()
            .filter(|r| r.fields.get(2).is_some_and(|f| f.trim() == "no"))
            .map(|r| r.fields[0].to_string())
            .collect::<Vec<_>>();
        let unit_heads: Vec<String> = read_words(data_dir, "entity/unit_heads.tsv", UNIT_HEADS)?;
        let kin_words: Vec<String> = read_words(data_dir, "entity/kin_words.tsv", KIN_WORDS)?;
        let (file, text) = read_override(data_dir, "entity/glosses.tsv", GLOSSES)?;
        let mut glosses = Vec::new();
        for r in parse_tsv(&file, &text, 2)? {
            let kind = EntityType::parse(r.fields[1].trim()).ok_or_else(|| {
                Error::data(&file, r.line, format!("unknown type {:?}", r.fields[1]))
            })?;
            glosses.push((r.fields[0].trim().to_string(), kind));
        }
        let category_by_word = categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.word.clone(), i))
            .collect();
        let suffix_words = suffixes.iter().map(|s| s.word.clone()).collect();
        let title_words = titles.iter().map(|t| t.word.clone()).collect();
        let (file, text) = read_override(data_dir, "entity/source_frames.tsv", SOURCE_FRAMES)?;
        let mut source_frames: Vec<(String, Vec<String>)> = Vec::new();
        for r in parse_tsv(&file, &text, 2)? {
            let (before, after) = (r.fields[0].trim(), r.fields[1].trim());
            match source_frames.iter_mut().find(|f| f.0 == before) {
                Some(f) => f.1.push(after.to_string()),
                None => source_frames.push((before.to_string(), vec![after.to_string()])),
            }
        }
        let [model_suffixes, model_units, model_prefixes]: [Vec<String>; 3] = read_words_by_kind(
            data_dir,
            "entity/model_words.tsv",
            MODEL_WORDS,
            "kind",
            ["suffix", "unit", "prefix"],
        )?;
        Ok(Lexicon {
            matcher: matcher(&surfaces)?,
            suffix_words,
            title_words,
            surface_entry,
            by_surface,
            entries,
            surnames,
            not_names,
            latin_common,
            title_matcher: matcher(&titles.iter().map(|t| t.word.clone()).collect::<Vec<_>>())?,
            titles,
            suffix_matcher: matcher(&suffixes.iter().map(|t| t.word.clone()).collect::<Vec<_>>())?,
            suffixes,
            industry_matcher: matcher(
                &industry.iter().map(|t| t.word.clone()).collect::<Vec<_>>(),
            )?,
            industry,
            company_evidence,
            industry_generic: generic.into_iter().collect(),
            industry_sector: sector.into_iter().collect(),
            industry_sector_max_len,
            legal_name,
            category_by_word,
            categories,
            cue_matcher: matcher(&cues.iter().map(|t| t.word.clone()).collect::<Vec<_>>())?,
            cues,
            boundary,
            boundary_max_len,
            category_heads,
            place_suffixes,
            abbreviations,
            generic_heads,
            bracket_heads,
            bracket_heads_max_len,
            description_heads: matcher(&description_heads)?,
            product_heads,
            unit_heads,
            kin_matcher: matcher(&kin_words)?,
            glosses,
            style_suffixes: read_words(data_dir, "entity/style_suffixes.tsv", STYLE_SUFFIXES)?,
            plan_words: read_words(data_dir, "entity/plan_words.tsv", PLAN_WORDS)?,
            short_name_cues: read_words(data_dir, "entity/short_name_cues.tsv", SHORT_NAME_CUES)?,
            reporters: crate::event::rules::read_reporters(data_dir)?,
            facility_words: read_words(data_dir, "entity/facility_words.tsv", FACILITY_WORDS)?,
            model_suffixes,
            model_units,
            model_prefixes,
            branch_words: read_words(data_dir, "entity/branch_words.tsv", BRANCH_WORDS)?,
            source_frame_matcher: matcher(
                &source_frames
                    .iter()
                    .map(|f| f.0.clone())
                    .collect::<Vec<_>>(),
            )?,
            source_frames,
        })
    }

    /// The unit heads (`unit_heads.tsv`: 部门, 团队) that `name` ends with.
    pub fn unit_heads_of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.unit_heads
            .iter()
            .map(String::as_str)
            .filter(move |h| name.ends_with(h))
    }

    /// True when `name` is a generic word that cannot be a name on its own.
    pub fn is_generic(&self, name: &str) -> bool {
        self.not_names.contains(name)
            || self.boundary.contains(name)
            || self.category_by_word.contains_key(name)
            || self.suffix_words.contains(name)
            || self.title_words.contains(name)
            || (name.is_ascii() && self.latin_common.contains(&name.to_lowercase()))
    }

    /// [`Self::is_generic`] but for the common nouns of `not_names.tsv`: a word that can
    /// never begin a name, while a common noun can be a brand before an industry word (a
    /// word like 光明 "brightness" in X乳业).
    pub fn is_function_word(&self, name: &str) -> bool {
        self.boundary.contains(name)
            || self.category_by_word.contains_key(name)
            || self.suffix_words.contains(name)
            || self.title_words.contains(name)
    }

    /// Whether `word` is an organization suffix (`org_suffixes.tsv`).
    pub fn is_suffix(&self, word: &str) -> bool {
        self.suffix_words.contains(word)
    }

    pub fn starts_with_surname(&self, name: &str) -> bool {
        let mut it = name.chars();
        let first: String = it.next().map(|c| c.to_string()).unwrap_or_default();
        let two: String = name.chars().take(2).collect();
        self.surnames.contains(&first) || self.surnames.contains(&two)
    }
}
