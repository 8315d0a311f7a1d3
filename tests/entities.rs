//! Entity-stage behaviour a reader checks on one sentence: which names become which nodes.
mod common;
use common::*;
use shiji::document::clean::Given;

fn extract(text: &str) -> shiji::model::DocExtract {
    let given = Given {
        id: "t".into(),
        ..Given::default()
    };
    PIPELINE.extract(text, &given).unwrap()
}

fn entities(text: &str) -> Vec<(String, String, Vec<String>)> {
    extract(text)
        .entities
        .iter()
        .map(|e| {
            (
                e.kind.as_str().to_string(),
                e.name.clone(),
                e.aliases.clone(),
            )
        })
        .collect()
}

/// Whether the entities hold a node of this type and name.
fn has(e: &[(String, String, Vec<String>)], kind: &str, name: &str) -> bool {
    e.iter().any(|(t, n, _)| t == kind && n == name)
}

#[test]
fn a_legal_name_in_brackets_is_the_company_before_it() {
    let e = entities(
        "日本上市游戏厂商 ZENVO（ZENVO Interactive Co., Ltd.）斥资一亿日元设立子公司。ZENVO 表示将扩大招聘。",
    );
    let zenvo = e
        .iter()
        .find(|(_, n, _)| n == "ZENVO")
        .unwrap_or_else(|| panic!("ZENVO not found in {e:?}"));
    assert_eq!(zenvo.0, "organization");
    assert!(
        zenvo.2.contains(&"ZENVO Interactive Co., Ltd.".to_string()),
        "{zenvo:?}"
    );
    // the legal form is never a company of its own
    assert!(
        !e.iter().any(|(_, n, _)| n == "Ltd" || n == "Ltd."),
        "{e:?}"
    );
}

#[test]
fn a_latin_name_with_a_legal_form_is_an_organization() {
    let e = entities("去年，Quillmark Robotics Inc. 在硅谷完成了新一轮融资。");
    assert!(has(&e, "organization", "Quillmark Robotics Inc."), "{e:?}");
}

#[test]
fn common_words_before_a_legal_name_are_not_part_of_it() {
    let e = entities("报道称，The Quillmark Inc. 当天股价上涨。");
    assert!(has(&e, "organization", "Quillmark Inc."), "{e:?}");
}

#[test]
fn a_han_name_before_its_romanization_is_a_person() {
    // the given name is also a dictionary word (受资), which title rules alone reject
    let e = entities(
        "公司宣布，现任首席财务官周受资（Shouzi Chew）将兼任首席执行官。周受资表示很荣幸。",
    );
    let p = e
        .iter()
        .find(|(_, n, _)| n == "周受资")
        .unwrap_or_else(|| panic!("周受资 not found in {e:?}"));
    assert_eq!(p.0, "person");
    assert!(p.2.contains(&"Shouzi Chew".to_string()), "{p:?}");
}

#[test]
fn a_compound_surname_keeps_all_four_characters() {
    let e = entities("董事会任命欧阳小明（Ouyang Xiaoming）为总裁。");
    assert!(has(&e, "person", "欧阳小明"), "{e:?}");
}

#[test]
fn an_organization_english_name_in_brackets_is_not_a_person() {
    let e = entities("华星科技（Huaxing Technologies）今天发布了新品。");
    assert!(!e.iter().any(|(t, _, _)| t == "person"), "{e:?}");
}

#[test]
fn a_known_short_name_inside_other_words_is_not_that_name() {
    // 中行 (a bank's short name) spans 集中|行动 here
    let e = entities("各部门开展集中行动，整治市场秩序。");
    assert!(e.iter().all(|(t, _, _)| t != "organization"), "{e:?}");
}

#[test]
fn list_markers_separate_the_names_of_a_list() {
    let e = entities("获奖者依次是：①张明远②刘海峰③陈志强。");
    let mut persons: Vec<&str> = e
        .iter()
        .filter(|(t, _, _)| t == "person")
        .map(|(_, n, _)| n.as_str())
        .collect();
    persons.sort_unstable();
    assert_eq!(persons, ["刘海峰", "张明远", "陈志强"], "{e:?}");
}

#[test]
fn a_name_does_not_take_the_start_of_an_idiom() {
    let e = entities("王建国兴致勃勃地参观了展览。");
    assert!(has(&e, "person", "王建国"), "{e:?}");
}

#[test]
fn a_person_does_not_take_the_start_of_the_verb_after_it() {
    for (text, name) in [("刘洋加入了腾讯。", "刘洋"), ("王怡谈到了这件事。", "王怡")]
    {
        let e = entities(text);
        let persons: Vec<&str> = e
            .iter()
            .filter(|(t, _, _)| t == "person")
            .map(|(_, n, _)| n.as_str())
            .collect();
        assert_eq!(persons, [name], "{text}: {e:?}");
    }
}

#[test]
fn a_one_character_place_names_the_full_place() {
    let e = entities("公司在日、韩两国都设有办事处，并计划扩大在华业务。");
    for full in ["日本", "韩国"] {
        assert!(
            e.iter().any(|(t, n, _)| t == "place" && n == full),
            "{full} not in {e:?}"
        );
    }
    assert!(!e.iter().any(|(_, n, _)| n == "日" || n == "韩"), "{e:?}");
}

#[test]
fn lowercase_english_words_are_not_names_in_cased_text() {
    let e = entities("The report was published unchanged, the links were kept. 该报告未作修改。");
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn a_suffix_that_begins_a_longer_word_makes_no_organization() {
    // 科技 begins 科技人才 (tech talent): no company named …科技 here
    let e = entities("该公司将在园区广纳星海新创科技人才。");
    assert!(
        !e.iter()
            .any(|(t, n, _)| t == "organization" && n.ends_with("科技")),
        "{e:?}"
    );
}

#[test]
fn a_persons_name_and_more_is_not_an_organization() {
    // the tagger reads 马化腾棋局 (a game of chess of the person) as one organization
    let e = entities("这也让腾讯在马化腾棋局中的价值逐渐浮出水面。");
    assert!(has(&e, "person", "马化腾"), "{e:?}");
    assert!(
        !e.iter()
            .any(|(t, n, _)| t == "organization" && n.contains("马化腾")),
        "{e:?}"
    );
}

#[test]
fn words_before_a_known_place_are_not_a_longer_place() {
    // 广纳台湾 is "recruit widely in Taiwan"
    let e = entities("社长 高桥一郎（右）广纳台湾新创游戏人才");
    assert!(has(&e, "place", "台湾"), "{e:?}");
    // (the line is also the document's title: a work)
    assert!(
        !e.iter().any(|(t, n, _)| t != "work" && n.contains("广纳")),
        "{e:?}"
    );
}

#[test]
fn a_latin_brand_after_a_known_company_is_not_part_of_its_name() {
    let e = entities("联想集团LenoAuto智能汽车解决方案，图片来源：联想集团");
    assert!(
        !e.iter().any(|(t, n, _)| t != "work"
            && n.starts_with("联想集团")
            && n.len() > "联想集团".len()),
        "{e:?}"
    );
}

#[test]
fn a_name_that_begins_inside_a_word_is_not_an_organization() {
    // 常驻|深圳公司: 驻深圳公司 begins inside 常驻 ("based in")
    let e = entities("副总裁常驻深圳公司，但不直接管理团队。");
    assert!(!e.iter().any(|(t, _, _)| t == "organization"), "{e:?}");
}

#[test]
fn a_latin_name_before_a_product_description_is_a_product() {
    let e = entities("该方案包括DMS驾驶员感知系统和OMS乘客感知系统。");
    assert!(has(&e, "product", "DMS"), "{e:?}");
    assert!(!e.iter().any(|(t, _, _)| t == "organization"), "{e:?}");
}

#[test]
fn a_generic_place_noun_is_not_a_place() {
    let e = entities("公司加速拓展了购物中心、大型商超等线下客户的资源。");
    assert!(!e.iter().any(|(t, _, _)| t == "place"), "{e:?}");
}

#[test]
fn a_store_named_after_its_place_is_the_company_and_the_place() {
    // 店 adds nothing to a known company and a known place: no third name for the store
    let e = entities("按照这个方案计算，蔚来国贸店的租金成本约等于3600万。");
    assert!(has(&e, "organization", "蔚来"), "{e:?}");
    assert!(!e.iter().any(|(_, n, _)| n.ends_with('店')), "{e:?}");
}

#[test]
fn a_verb_of_saying_or_finding_ends_a_name_before_a_cue() {
    // X公司 names a company, but 发现 ("found that") is no part of a name
    let e = entities("随着春节临近，王丽娜发现公司停止了裁员动作，她庆幸自己躲过一劫。");
    assert!(!e.iter().any(|(t, _, _)| t == "organization"), "{e:?}");
}

#[test]
fn a_latin_name_always_written_after_the_same_han_characters_includes_them() {
    let e = entities(
        "一位星河科技员工向蓝鲸Insight透露，公司年前裁员了。据蓝鲸Insight多方了解，裁员比例很高。蓝鲸Insight注意到，被裁员工大多为一线员工。",
    );
    assert!(has(&e, "organization", "蓝鲸Insight"), "{e:?}");
    assert!(!e.iter().any(|(_, n, _)| n == "Insight"), "{e:?}");
}

#[test]
fn a_name_that_ends_a_common_word_elsewhere_is_no_person() {
    // 雷达 ends 激光雷达 (a dictionary word): the tagger's person 雷达 is the radar
    let e = entities("该车型配备了多个毫米波雷达，其中前向雷达来自博世，激光雷达则由禾赛提供。");
    assert!(!e.iter().any(|(t, _, _)| t == "person"), "{e:?}");
}

#[test]
fn common_words_mixed_with_a_common_latin_word_are_no_name() {
    // 电商 (e-commerce) + SaaS: a kind of business, not an organization
    let e = entities("同为电商SaaS服务商的星河科技早有准备。");
    assert!(!e.iter().any(|(_, n, _)| n.contains("SaaS")), "{e:?}");
}

#[test]
fn a_verb_of_holding_a_post_ends_a_name_read_from_a_cue() {
    // 担任/现任/出任… are no part of the organization named after them
    for t in [
        "王建国现任远航集团董事长。",
        "李明担任星河科技有限公司首席执行官。",
        "刘晓燕出任星云科技公司总裁。",
    ] {
        let e = entities(t);
        assert!(
            e.iter()
                .filter(|(k, _, _)| k == "organization")
                .all(|(_, n, _)| !n.contains('任')),
            "{t}: {e:?}"
        );
    }
    let e = entities("李明担任星河科技有限公司首席执行官。");
    assert!(has(&e, "organization", "星河科技有限公司"), "{e:?}");
}

#[test]
fn a_verb_of_taking_a_post_ends_a_name_before_a_title() {
    // 总裁, CEO read a company's name back; 出任 (takes the post of) is no part of one
    for text in ["马丽出任CEO。", "随后马丽出任公司总裁。"] {
        let e = entities(text);
        assert!(
            !e.iter().any(|(t, _, _)| t == "organization"),
            "{text}: {e:?}"
        );
    }
    let e = entities("昨日，马丽出任星河科技总裁。");
    assert!(has(&e, "organization", "星河科技"), "{e:?}");
}

#[test]
fn a_team_or_a_department_is_not_a_company() {
    let e =
        entities("ZORBIT创始团队CEO和总裁来自同一家公司。他曾任星河公司高级副总裁、国际部总裁。");
    assert!(
        !e.iter()
            .any(|(_, n, _)| n.ends_with("团队") || n.ends_with('部')),
        "{e:?}"
    );
    // a ministry keeps its name
    let e = entities("外交部发言人当天表示反对。");
    assert!(has(&e, "organization", "外交部"), "{e:?}");
}

#[test]
fn a_byline_name_is_one_person() {
    let text = "星河科技的十年\n\n本文来自微信公众号“星河观察”，作者：晓月的奇妙旅程，编辑：王建，36氪经授权发布。\n\n星河科技今天发布了新产品。";
    let x = extract(text);
    let persons: Vec<&str> = x
        .entities
        .iter()
        .filter(|e| e.kind.as_str() == "person")
        .map(|e| e.name.as_str())
        .collect();
    assert!(persons.contains(&"晓月的奇妙旅程"), "{persons:?}");
    assert!(!persons.contains(&"晓月"), "{persons:?}");
    // one mention per place in the text, whatever read it
    for e in &x.entities {
        let mut spans: Vec<(usize, usize)> = e.mentions.iter().map(|m| (m.start, m.end)).collect();
        let n = spans.len();
        spans.dedup();
        assert_eq!(spans.len(), n, "{e:?}");
    }
}

#[test]
fn a_title_before_a_four_character_name_keeps_all_of_it() {
    let e = entities("左起：公司执行董事池田恒基、副社长安藤裕史透过直播连线。");
    assert!(has(&e, "person", "池田恒基"), "{e:?}");
    assert!(!has(&e, "person", "池田"), "{e:?}");
    // a word after the name that is not a name stays out of it
    let e = entities("董事长张远声表示，公司将继续扩张。");
    assert!(has(&e, "person", "张远声"), "{e:?}");
}

#[test]
fn a_place_and_a_sector_word_are_no_company() {
    // 亚洲科技数位产业: Asia's tech and digital industry
    let e = entities("长期以来台湾在亚洲科技数位产业一直扮演着主导角色。");
    assert!(!e.iter().any(|(t, _, _)| t == "organization"), "{e:?}");
}

#[test]
fn a_name_after_a_kinship_word_is_a_person() {
    // the tagger alone reads Jessica here as an organization
    let e = entities("市场总监则开始向董事长夫人Jessica汇报。据员工介绍，Jessica带来了一场风暴。");
    assert!(has(&e, "person", "Jessica"), "{e:?}");
    assert!(!has(&e, "organization", "Jessica"), "{e:?}");
}

#[test]
fn a_bracketed_gloss_gives_the_name_its_type() {
    let e = entities(
        "第二，对标海外Zorbit（一种壁挂式健身器材）的硬件产品也在规划之中。Zorbit售价很高。",
    );
    assert!(has(&e, "product", "Zorbit"), "{e:?}");
    assert!(!has(&e, "person", "Zorbit"), "{e:?}");
}

#[test]
fn a_word_for_a_style_is_no_organization() {
    // the tagger alone reads 佛系 ("laid-back") in quotes as an organization
    let e = entities("他是一名“佛系”创业者，从不考虑融资。");
    assert!(!e.iter().any(|(t, _, _)| t == "organization"), "{e:?}");
}

#[test]
fn short_forms_of_a_name_all_join_the_longest() {
    let e = entities(
        "临时负责人瓦妮莎·帕帕斯（Vanessa Pappas）将担任首席运营官。瓦妮莎有很强的领导力。我将与瓦妮莎齐心协力。",
    );
    let persons: Vec<&str> = e
        .iter()
        .filter(|(t, _, _)| t == "person")
        .map(|(_, n, _)| n.as_str())
        .collect();
    assert_eq!(persons, ["瓦妮莎·帕帕斯"], "{e:?}");
}

#[test]
fn a_known_ministry_inside_a_unit_noun_is_not_named() {
    // 教育部门 ("education departments") is not the ministry 教育部
    let e = entities("一位员工表示，教育部门员工虽未被全部裁掉，但也所剩无几。");
    assert!(!e.iter().any(|(t, _, _)| t == "organization"), "{e:?}");
}

#[test]
fn a_name_read_as_a_verb_between_a_title_and_a_list_mark_is_a_person() {
    // the segmentation reads 付强 as a verb
    let e = entities("新的部门由CTO付强和CDO温伯华共同负责。");
    assert!(has(&e, "person", "付强"), "{e:?}");
}

#[test]
fn a_transliteration_gloss_makes_a_person() {
    let e = entities("新来的品牌总监Mia（音译）越过了原来的上级。");
    assert!(has(&e, "person", "Mia"), "{e:?}");
}

#[test]
fn a_latin_name_before_a_bracketed_product_description_is_a_product() {
    let e = entities("该方案包括DMS（驾驶员感知系统）、OMS（乘客感知系统）等功能。");
    assert!(has(&e, "product", "DMS"), "{e:?}");
    assert!(has(&e, "product", "OMS"), "{e:?}");
    assert!(!e.iter().any(|(t, _, _)| t == "organization"), "{e:?}");
}

#[test]
fn a_common_word_is_no_alias_of_a_company() {
    // 航空工业 (the aviation industry) and 盛大 (grand) are not short names of companies
    let e = entities("当代航空工业是一个高投入的行业。选手们将参加盛大的线下总决赛。");
    assert!(!e.iter().any(|(t, _, _)| t == "organization"), "{e:?}");
}

#[test]
fn a_company_named_with_its_legal_form_keeps_it() {
    // 公司 ends the legal form 股份有限公司: the name is read from before the form, and keeps it
    let e = entities("2010年3月正式加入星河博远科技股份有限公司，现任该公司财务总监。");
    assert!(has(&e, "organization", "星河博远科技股份有限公司"), "{e:?}");
    assert!(
        !e.iter()
            .any(|(_, n, _)| n.starts_with("加入") || n.ends_with("有限")),
        "{e:?}"
    );
}

#[test]
fn a_verb_of_holding_a_post_ends_a_name_before_a_suffix() {
    let e = entities("现任星河电力集团副总经理。");
    assert!(has(&e, "organization", "星河电力集团"), "{e:?}");
    assert!(!e.iter().any(|(_, n, _)| n.starts_with("现任")), "{e:?}");
}

#[test]
fn a_known_latin_name_in_brackets_after_a_title_is_that_entity() {
    // the lexicon knows Fortnite (堡垒之夜): 《要塞英雄》 is the same game, not another work
    let e =
        entities("该公司最知名的游戏是《要塞英雄》（Fortnite）。《要塞英雄》也上架了手机平台。");
    assert!(!has(&e, "work", "要塞英雄"), "{e:?}");
    let game = e
        .iter()
        .find(|(_, _, a)| a.contains(&"要塞英雄".to_string()))
        .unwrap_or_else(|| panic!("要塞英雄 is no alias in {e:?}"));
    assert_eq!(game.0, "product", "{e:?}");
}

#[test]
fn a_place_abbreviation_beside_an_untaken_one_is_half_a_word() {
    // 中台 ("middle platform"): the tagger reads 台 alone as a place (台湾)
    let e = entities("COO、CTO和CDO成立了新的中台联合部门，这意味着权力的更迭。");
    assert!(!e.iter().any(|(t, _, _)| t == "place"), "{e:?}");
    // a pair the tagger reads whole keeps both places
    let e = entities("双方表示将推动中美关系健康发展。");
    assert!(
        has(&e, "place", "中国") && has(&e, "place", "美国"),
        "{e:?}"
    );
}

#[test]
fn a_deputy_title_is_no_part_of_the_name_before_it() {
    let e = entities("现任云海城集团副总裁。");
    assert!(has(&e, "organization", "云海城集团"), "{e:?}");
    assert!(!e.iter().any(|(_, n, _)| n.ends_with('副')), "{e:?}");
}

#[test]
fn a_category_word_before_a_bare_latin_name_types_it() {
    let e = entities("该公司旗下应用Lumo上线三个月，用户破百万。");
    assert!(has(&e, "product", "Lumo"), "{e:?}");
}

#[test]
fn a_code_like_name_of_a_plan_is_no_product() {
    let e = entities("公司曾在2021年推出“Z300战略”，不再为中小商家提供服务。");
    assert!(!e.iter().any(|(_, n, _)| n == "Z300"), "{e:?}");
    let e = entities("公司今天发布了新款耳机Z300，售价两千元。");
    assert!(has(&e, "product", "Z300"), "{e:?}");
}

#[test]
fn a_preposition_before_a_year_is_no_part_of_a_name_after_a_title() {
    // 总裁陈平于2009年: 于 begins the time, the name is 陈平
    let e = entities("星河快递是前总裁陈平于2009年创立的公司。");
    assert!(has(&e, "person", "陈平"), "{e:?}");
    assert!(!e.iter().any(|(_, n, _)| n == "陈平于"), "{e:?}");
}

#[test]
fn a_brand_and_an_industry_word_before_a_company_cue_is_a_company() {
    let e = entities("岚峰药业发布公告称，公司拟回购部分股份。泓川水泥（600999）今日股价大涨。");
    assert!(has(&e, "organization", "岚峰药业"), "{e:?}");
    // a stock code in brackets alone is enough
    assert!(has(&e, "organization", "泓川水泥"), "{e:?}");
}

#[test]
fn short_company_names_listed_with_a_known_company_are_companies() {
    let e = entities("受此影响，腾讯、溪畔科技、禾苗水务集体冲高。");
    assert!(has(&e, "organization", "溪畔科技"), "{e:?}");
    // the next item of the list is one through the item before it
    assert!(has(&e, "organization", "禾苗水务"), "{e:?}");
}

#[test]
fn short_company_names_in_a_sentence_about_stakes_are_companies() {
    let e = entities("翠湖乳业近日再次增持蓝溪水泥，持股比例升至百分之十。");
    assert!(has(&e, "organization", "翠湖乳业"), "{e:?}");
    assert!(has(&e, "organization", "蓝溪水泥"), "{e:?}");
}

#[test]
fn a_place_and_an_industry_word_need_the_company_s_own_words() {
    // its share price makes a company of 泉州电子; 一家日本保险公司 is "a Japanese insurer"
    let e = entities("泉州电子股价连续三日涨停，而一家日本保险公司收购了该行股权。");
    assert!(has(&e, "organization", "泉州电子"), "{e:?}");
    assert!(!has(&e, "organization", "日本保险"), "{e:?}");
    let e = entities("受消息影响，泉州电子走强。");
    assert!(!has(&e, "organization", "泉州电子"), "{e:?}");
}

#[test]
fn an_industry_word_after_a_generic_word_or_before_a_sector_word_is_a_trade() {
    let e = entities(
        "今年全国水泥产量下降，乳业市场竞争加剧，国内地产行业的收购增多，中国乳业并购频繁。公司拟发行股份收购资产。",
    );
    assert!(!e.iter().any(|(t, _, _)| t == "organization"), "{e:?}");
}

#[test]
fn a_common_english_word_after_a_category_word_is_a_product_name() {
    let e = entities("公司去年推出了健身工具House，用户反响不错。");
    assert!(has(&e, "product", "House"), "{e:?}");
    // without the category word it stays a common word
    let e = entities("他说House很大。");
    assert!(!e.iter().any(|(_, n, _)| n == "House"), "{e:?}");
}

/// The subtype of the organization of this name.
fn org_subtype(text: &str, name: &str) -> Option<String> {
    let x = extract(text);
    let e = x
        .entities
        .iter()
        .find(|e| e.kind.as_str() == "organization" && e.name == name)
        .unwrap_or_else(|| panic!("{name} not found in {:?}", x.entities));
    e.subtype.clone()
}

#[test]
fn an_organization_a_source_speaks_to_or_with_a_dateline_is_a_news_outlet() {
    let t = "一位离职员工告诉TechWave，公司将在下月调整业务。TechWave此前报道过这家公司。";
    assert_eq!(org_subtype(t, "TechWave").as_deref(), Some("media"));
    let t = "澜潮新闻社5月12日讯，一家创业公司完成了融资。";
    assert_eq!(org_subtype(t, "澜潮新闻社").as_deref(), Some("media"));
}

#[test]
fn a_known_place_and_a_facility_word_are_a_place_unless_the_company_s_words_follow() {
    let e = entities("他说国贸商城品牌门槛很高。");
    assert!(has(&e, "place", "国贸商城"), "{e:?}");
    assert!(!has(&e, "organization", "国贸商城"), "{e:?}");
    // its share price: the company that runs it
    let e = entities("国贸商城（600999）股价今日涨停。");
    assert!(has(&e, "organization", "国贸商城"), "{e:?}");
}

#[test]
fn two_listed_names_one_beginning_the_other_stay_two_nodes() {
    // the lexicon lists both; the short-form rule (阿里 → 阿里巴巴) must not join them
    let e = entities("商家在微信里开店，也在微信公众号上发布文章。");
    assert!(has(&e, "product", "微信"), "{e:?}");
    assert!(has(&e, "product", "微信公众号"), "{e:?}");
    let wx = e.iter().find(|(_, n, _)| n == "微信公众号").unwrap();
    assert!(!wx.2.contains(&"微信".to_string()), "{wx:?}");
}

#[test]
fn a_capitalized_word_and_a_lowercase_one_are_no_person() {
    let e = entities("Each file is kept as found, noise included.");
    assert!(
        !e.iter()
            .any(|(t, n, _)| t == "person" && n.contains("file")),
        "{e:?}"
    );
}

#[test]
fn a_transliterated_name_is_the_same_person_where_one_part_stands_alone() {
    // the tagger alone reads the given name as a place, and a piece of the other name
    let e = entities(
        "奥莉维亚・格林将担任首席运营官。奥莉维亚有丰富的经验。同期，原临时负责人瓦妮莎・帕帕斯将担任总裁。他表示：“瓦妮莎有很强的领导力。”",
    );
    for full in ["奥莉维亚・格林", "瓦妮莎・帕帕斯"] {
        let given = full.split('・').next().unwrap();
        let p = e
            .iter()
            .find(|(t, n, _)| t == "person" && n == full)
            .unwrap_or_else(|| panic!("no {full} in {e:?}"));
        assert!(p.2.contains(&given.to_string()), "{p:?}");
        assert!(
            !e.iter().any(|(_, n, _)| given.starts_with(n.as_str())),
            "{e:?}"
        );
    }
}

#[test]
fn an_organization_takes_the_subtype_of_its_list_and_of_the_name_it_begins_with() {
    assert_eq!(
        org_subtype(
            "受消息影响，科大讯飞、汇川恒达、和晶科技集体冲高。",
            "汇川恒达"
        )
        .as_deref(),
        Some("company")
    );
    assert_eq!(
        org_subtype(
            "华为终端与欧盟贸易委员会就此事进行了沟通。",
            "欧盟贸易委员会"
        )
        .as_deref(),
        Some("government")
    );
}

#[test]
fn a_name_never_holds_half_a_bracket() {
    let e =
        entities("说明\nJapanese game company CAVE (株式会社ケイブ) founds a Taiwan subsidiary.");
    assert!(!e.iter().any(|(_, n, _)| n.contains('(')), "{e:?}");
}

#[test]
fn an_unknown_company_is_read_from_its_founder_and_across_the_spaces_of_latin_text() {
    let e = entities("他是泽川的创始人，去年加盟 Quorvia Labs，此前担任 Velmora CEO。");
    assert!(has(&e, "organization", "泽川"), "{e:?}");
    assert!(has(&e, "organization", "Quorvia Labs"), "{e:?}");
    assert!(has(&e, "organization", "Velmora"), "{e:?}");
}

#[test]
fn a_title_before_a_kinship_word_names_no_company() {
    let e = entities("这位人称Marlowe的总裁夫人似乎并没有入职。");
    assert!(!has(&e, "organization", "Marlowe"), "{e:?}");
}

#[test]
fn a_name_before_a_stock_code_is_a_listed_company() {
    assert_eq!(
        org_subtype("陆家嘴（600663）今日公告，拟出售部分资产。", "陆家嘴").as_deref(),
        Some("company")
    );
}

#[test]
fn a_common_word_glued_to_an_amount_is_no_product() {
    let e = entities("蓝海医疗宣布完成IPO7亿元募资。");
    assert!(!e.iter().any(|(_, n, _)| n.starts_with("IPO")), "{e:?}");
    // a percentage and a year are amounts and dates too (units of model_words.tsv)
    let e = entities("蓝海医疗预计今年GDP5%的增长不变，并在AI2025年大会上发言。");
    assert!(
        !e.iter()
            .any(|(_, n, _)| n.starts_with("GDP") || n.starts_with("AI2")),
        "{e:?}"
    );
}

#[test]
fn a_short_name_in_brackets_after_a_company_is_that_company() {
    let e = entities("昆明李瑞特网络科技有限公司（李瑞特）于2012年8月成立。");
    assert!(!has(&e, "person", "李瑞特"), "{e:?}");
    let c = e
        .iter()
        .find(|(_, n, _)| n == "昆明李瑞特网络科技有限公司")
        .unwrap_or_else(|| panic!("company not found in {e:?}"));
    assert!(c.2.contains(&"李瑞特".to_string()), "{c:?}");
    // a person in brackets whose name the company's does not hold stays a person
    let e = entities("星河科技有限公司（王明）于2012年8月成立。");
    assert!(
        !e.iter().any(|(_, _, a)| a.contains(&"王明".to_string())),
        "{e:?}"
    );
}

#[test]
fn a_known_organization_a_place_and_a_branch_word_are_one_branch() {
    let e = entities("据悉，中储粮吉林分公司近日开展了库存检查。");
    assert!(has(&e, "organization", "中储粮吉林分公司"), "{e:?}");
    assert!(!has(&e, "place", "吉林"), "{e:?}");
    let t = "昨天，腾讯上海分公司搬进了新办公楼。";
    assert_eq!(org_subtype(t, "腾讯上海分公司").as_deref(), Some("company"));
    // the parent named alone stays its own node, not a short form of the branch
    let e = entities("招商银行杭州分行发放了首笔贷款。招商银行表示将继续支持小微企业。");
    assert!(has(&e, "organization", "招商银行杭州分行"), "{e:?}");
    assert!(
        e.iter().any(|(t, n, a)| t == "organization"
            && n != "招商银行杭州分行"
            && (n == "招商银行" || a.iter().any(|x| x == "招商银行"))),
        "{e:?}"
    );
}

#[test]
fn a_brand_and_a_model_code_are_one_product() {
    let e = entities("小米11今天正式开售，首批货很快售罄。");
    assert!(has(&e, "product", "小米11"), "{e:?}");
    let e = entities("发布会上，华为 Mate 40 Pro 亮相。");
    assert!(has(&e, "product", "华为 Mate 40 Pro"), "{e:?}");
    let e = entities("今年春天，vivo Y73s在线下门店开卖。");
    assert!(has(&e, "product", "vivo Y73s"), "{e:?}");
}

#[test]
fn a_han_model_name_after_a_brand_is_one_product_when_a_code_or_a_powertrain_marks_it() {
    let e = entities("比亚迪唐Z DM-p将于下月上市。");
    assert!(has(&e, "product", "比亚迪唐Z DM-p"), "{e:?}");
    let e = entities("全新丰田双擎帕萨特昨日正式上市。");
    assert!(has(&e, "product", "丰田双擎帕萨特"), "{e:?}");
    // a powertrain and a Han model name are a product without a brand
    let e = entities("据悉，混动帕萨特的售价尚未公布。");
    assert!(has(&e, "product", "混动帕萨特"), "{e:?}");
    // a brand before a person's name, with no code, is no model
    let e = entities("丰田王明表示，工厂将于下月复工。");
    assert!(!e.iter().any(|(k, _, _)| k == "product"), "{e:?}");
}

#[test]
fn a_model_takes_its_edition_and_powertrain_suffixes() {
    let e = entities("红米K90青春版今天开售。");
    assert!(has(&e, "product", "红米K90青春版"), "{e:?}");
    // a known product's edition (the lexicon's 比亚迪汉, then PLUS and a powertrain)
    let e = entities("比亚迪汉PLUS EV上市首月销量过万。");
    assert!(has(&e, "product", "比亚迪汉PLUS EV"), "{e:?}");
    // a Latin suffix is a whole token: Pros is no Pro
    let e = entities("发布会上，华为 Mate 90 Pros 亮相。");
    assert!(has(&e, "product", "华为 Mate 90"), "{e:?}");
}

#[test]
fn a_company_named_in_the_document_is_a_brand_too() {
    let e = entities("VR创业公司Velmora今年发布了新一代一体机Velmora Neo 5。");
    assert!(has(&e, "product", "Velmora Neo 5"), "{e:?}");
    assert!(has(&e, "organization", "Velmora"), "{e:?}");
}

#[test]
fn a_model_named_again_without_its_brand_is_the_same_product() {
    let x = extract("华为Mate 90于近日发布。Mate 90搭载了新一代芯片。");
    let p = x
        .entities
        .iter()
        .find(|e| e.name == "华为Mate 90")
        .unwrap_or_else(|| panic!("{:?}", x.entities));
    assert_eq!(p.mentions.len(), 2, "{p:?}");
    assert!(
        !x.entities.iter().any(|e| e.name == "Mate"),
        "{:?}",
        x.entities
    );
}

#[test]
fn a_name_before_a_chief_title_is_a_company_and_a_number_may_begin_a_latin_name() {
    // Taiwanese titles (執行長 CEO, 營運長 COO) and a brand of a number and a word
    let e = entities("日本游戏厂商设立子公司，由前 21 WAVE 營運長林小北擔任執行長。");
    assert!(has(&e, "organization", "21 WAVE"), "{e:?}");
    let e = entities("他此前担任 Norvale 首席运营官，负责海外业务。");
    assert!(has(&e, "organization", "Norvale"), "{e:?}");
}

#[test]
fn a_product_typed_by_its_description_takes_the_heads_subtype() {
    let subtype = |text: &str, name: &str| {
        let x = extract(text);
        let e = x
            .entities
            .iter()
            .find(|e| e.kind.as_str() == "product" && e.name == name)
            .unwrap_or_else(|| panic!("{name} not found in {:?}", x.entities));
        e.subtype.clone()
    };
    // a bracketed gloss ending in a head: a system is software
    let t = "该方案包括QVR（乘员监测系统）和车内娱乐功能。";
    assert_eq!(subtype(t, "QVR").as_deref(), Some("software"));
    // a chip is hardware
    let t = "星河科技发布了ZX900（自动驾驶芯片），将于明年量产。";
    assert_eq!(subtype(t, "ZX900").as_deref(), Some("hardware"));
}

#[test]
fn an_amount_or_a_date_after_a_brand_is_no_model() {
    for t in [
        "小米10亿元投资了一家工厂。",
        "华为2021年营收增长。",
        "小米11月推出新品。",
        "腾讯Q3财报显示利润增长。",
        "华为5G专利数量领先。",
        "据了解，腾讯3 1策略已经成形。",
        "据了解，腾讯3+1策略已经成形。",
        "苹果库克Q3表示，销量增长。",
    ] {
        let e = entities(t);
        assert!(!e.iter().any(|(k, _, _)| k == "product"), "{t}: {e:?}");
    }
}

#[test]
fn an_investor_of_common_words_is_named_by_its_suffix_and_its_role() {
    let e = entities("本轮融资由青松资本领投，远航创投跟投。");
    assert!(has(&e, "organization", "青松资本"), "{e:?}");
    assert!(has(&e, "organization", "远航创投"), "{e:?}");
    assert_eq!(
        org_subtype("本轮融资由青松资本领投。", "青松资本").as_deref(),
        Some("investor")
    );
    // a kind of money, not a firm
    let e = entities("本轮由社会资本领投，国有资本跟投，产业基金参投。");
    assert!(e.is_empty(), "{e:?}");
    // a cue read back over a verb names no firm (仍持有…)
    let e = entities("远航集团目前仍持有星河科技有限公司30%股权。");
    assert!(!e.iter().any(|(_, n, _)| n.contains("持有")), "{e:?}");
}

#[test]
fn a_category_before_a_name_in_apposition_is_no_part_of_it() {
    for (text, name) in [
        ("人工智能公司云杉数智成立于2019年。", "云杉数智"),
        ("芯片初创企业蓝芯科技获得投资。", "蓝芯科技"),
        ("投资机构北辰资本领投。", "北辰资本"),
    ] {
        let e = entities(text);
        assert!(has(&e, "organization", name), "{text}: {e:?}");
        assert!(
            !e.iter()
                .any(|(_, n, _)| n.len() > name.len() && n.ends_with(name)),
            "{text}: {e:?}"
        );
    }
}

#[test]
fn a_role_or_a_parent_before_a_name_is_no_part_of_it() {
    for (text, name) in [
        ("公司大股东德萨集团减持了部分股份。", "德萨集团"),
        ("控股股东远川集团承诺不减持。", "远川集团"),
        ("湘江资本集团旗下基金完成募资。", "湘江资本集团"),
    ] {
        let e = entities(text);
        assert!(has(&e, "organization", name), "{text}: {e:?}");
        assert!(
            !e.iter()
                .any(|(_, n, _)| n != name && (n.contains(name) || n.contains("旗下"))),
            "{text}: {e:?}"
        );
    }
}

#[test]
fn a_time_or_a_manner_before_a_cue_is_no_part_of_the_name() {
    for text in [
        "德萨集团今日宣布增持。",
        "德萨集团正式宣布增持。",
        "德萨集团近日宣布增持。",
    ] {
        let e = entities(text);
        assert!(has(&e, "organization", "德萨集团"), "{text}: {e:?}");
        assert_eq!(e.len(), 1, "{text}: {e:?}");
    }
}

#[test]
fn a_verb_glued_after_a_name_or_a_description_before_a_head_makes_no_name() {
    // 控股 of 控股子公司 glued to a listed company's short name
    let e = entities("铁流股份控股子公司获得订单。");
    assert!(!e.iter().any(|(_, n, _)| n.ends_with("控股")), "{e:?}");
    // a size and a trend before 公司 describe a kind of company
    let e = entities("公司正向国际化大型矿业公司管理体系转型。");
    assert!(!e.iter().any(|(k, _, _)| k == "organization"), "{e:?}");
}

#[test]
fn a_name_in_a_source_frame_is_a_news_outlet_even_of_common_words() {
    for (text, name) in [
        (
            "据行业媒体XR罗盘报道，星河科技以10亿元收购了一家工厂。",
            "XR罗盘",
        ),
        ("据凌云汽车报道，这款车将在下月上市。", "凌云汽车"),
        (
            "这款车将在下月上市，援引凌云汽车的报道，售价将低于十万元。",
            "凌云汽车",
        ),
    ] {
        assert_eq!(org_subtype(text, name).as_deref(), Some("media"), "{text}");
    }
    // a kind of source, a time or a place in the frame is no outlet
    for text in [
        "据知情人士消息，这款车将在下月上市。",
        "据当地报道，这款车将在下月上市。",
        "据业内人士消息，这款车将在下月上市。",
    ] {
        let e = entities(text);
        assert!(
            !e.iter().any(|(k, _, _)| k == "organization"),
            "{text}: {e:?}"
        );
    }
}

#[test]
fn a_model_word_in_lower_case_or_after_a_known_product_and_a_long_han_model_are_products() {
    for (text, name) in [
        ("华为nova 13将于下月发布。", "华为nova 13"),
        ("一加13和realme GT7同日亮相。", "一加13"),
        ("一加13和realme GT7同日亮相。", "realme GT7"),
        ("Apple Watch Series 10今天开售。", "Apple Watch Series 10"),
        ("丰田凯美瑞下月降价。", "丰田凯美瑞"),
    ] {
        let e = entities(text);
        assert!(has(&e, "product", name), "{text}: {e:?}");
    }
    // a common word in lower case, a known product or a person after a brand is no model
    for (text, brand) in [
        ("华为in 2024年发布了新机。", "华为"),
        ("腾讯微信上线新功能。", "腾讯"),
        ("丰田章男表示工厂将于下月复工。", "丰田"),
    ] {
        let e = entities(text);
        assert!(
            !e.iter()
                .any(|(k, n, _)| k == "product" && n.starts_with(brand)),
            "{text}: {e:?}"
        );
    }
}

#[test]
fn a_company_whose_brand_is_one_common_word_is_named_by_a_cue_or_a_category() {
    for text in [
        "星河科技宣布完成A轮融资。",
        "创业公司星河科技获得了一笔投资。",
    ] {
        let e = entities(text);
        assert!(has(&e, "organization", "星河科技"), "{text}: {e:?}");
    }
    // a trade or a place and a suffix is no company
    for text in ["金融科技宣布进入新阶段。", "汽车集团宣布重组。"] {
        let e = entities(text);
        assert!(
            !e.iter().any(|(k, _, _)| k == "organization"),
            "{text}: {e:?}"
        );
    }
}

#[test]
fn an_unknown_word_the_segmenter_joins_after_a_title_is_a_name() {
    let e = entities("公司的发展并未按照创始人白鸦的预期前进。");
    assert!(has(&e, "person", "白鸦"), "{e:?}");
    // a known common word after a title is none (创始人白天)
    let e = entities("公司创始人白天在工厂，晚上回家。");
    assert!(!e.iter().any(|(k, _, _)| k == "person"), "{e:?}");
}

#[test]
fn a_name_in_brackets_after_a_head_for_an_organization_is_that_organization() {
    for (text, name) in [
        (
            "该公司在台北设立子公司研发中心（凯思数位），由张明担任执行长。",
            "凯思数位",
        ),
        ("全资子公司（星河科技）获得了新订单。", "星河科技"),
    ] {
        let e = entities(text);
        assert!(has(&e, "organization", name), "{text}: {e:?}");
    }
    // a place, a note or a common word in the brackets is no name
    for text in [
        "公司（含子公司）营收增长三成。",
        "该公司在子公司（深圳）投产。",
        "研发中心（筹）正在招聘工程师。",
    ] {
        let e = entities(text);
        assert!(
            !e.iter().any(|(k, _, _)| k == "organization"),
            "{text}: {e:?}"
        );
    }
}

#[test]
fn a_known_company_and_an_investor_suffix_name_its_investment_arm() {
    // 小米资本, 联想创投: the company's fund, a firm of its own beside the company
    let t =
        "蔚来发布新车。蔚来创始人李斌和他的蔚来资本投了星河科技的A轮，小米资本领投，联想创投跟投。";
    let e = entities(t);
    for name in ["蔚来资本", "小米资本", "联想创投"] {
        assert!(has(&e, "organization", name), "{name}: {e:?}");
    }
    // the company keeps its own node: the arm is no full form of its name
    let nio = e.iter().find(|(_, n, _)| n == "蔚来").expect("蔚来");
    assert!(!nio.2.contains(&"蔚来资本".to_string()), "{e:?}");
    // a suffix that begins a longer word is none (基金会 is a foundation)
    assert!(!has(
        &entities("腾讯基金会向灾区捐款。"),
        "organization",
        "腾讯基金"
    ));
}
