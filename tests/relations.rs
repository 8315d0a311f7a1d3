//! Relations read from patterns (data/relations/patterns.tsv): founders, headquarters and
//! shareholders as news and company profiles phrase them, each with its evidence.
mod common;
use common::PIPELINE;
use shiji::document::clean::Given;
use shiji::model::DocExtract;

fn extract(text: &str) -> DocExtract {
    let given = Given {
        id: "r".into(),
        ..Default::default()
    };
    PIPELINE.extract(text, &given).expect("extracts")
}

/// The (source, type, target) triples of a text, ids without their prefix.
fn triples(text: &str) -> Vec<(String, String, String)> {
    let strip = |id: &str| id.split_once(':').map_or(id, |p| p.1).to_string();
    extract(text)
        .relations
        .iter()
        .map(|r| (strip(&r.source), r.kind.clone(), strip(&r.target)))
        .collect()
}

fn has(text: &str, source: &str, kind: &str, target: &str) -> bool {
    triples(text)
        .iter()
        .any(|(s, k, t)| s == source && k == kind && t == target)
}

#[track_caller]
fn assert_relation(text: &str, source: &str, kind: &str, target: &str) {
    assert!(has(text, source, kind, target), "{:?}", triples(text));
}

#[track_caller]
fn assert_no_relation(text: &str, source: &str, kind: &str, target: &str) {
    assert!(!has(text, source, kind, target), "{:?}", triples(text));
}

#[test]
fn founders_from_the_founded_side() {
    let t = "远航集团由王明先生于1998年在上海创办。";
    assert_relation(t, "王明", "founder_of", "远航集团");
    let t = "星河科技有限公司创立于2015年，创始人是王明。";
    assert_relation(t, "王明", "founder_of", "星河科技有限公司");
    let t = "王明是星河科技有限公司的创始人。";
    assert_relation(t, "王明", "founder_of", "星河科技有限公司");
    // a parent company sets up a subsidiary
    let t = "远航集团投资设立星河科技有限公司。";
    assert_relation(t, "远航集团", "founder_of", "星河科技有限公司");
    // the person's employer named before them is not what they founded
    let t = "2008年由远航集团王明先生创办，全称为星河科技有限公司。";
    assert_no_relation(t, "王明", "founder_of", "远航集团");
}

#[test]
fn headquarters_across_a_clause_and_before_the_name() {
    let t = "星河科技有限公司成立于2015年，总部位于杭州。";
    assert_relation(t, "星河科技有限公司", "headquartered_in", "杭州");
    let t = "星河科技有限公司1998年在北京成立，2014年在香港上市。";
    assert_relation(t, "星河科技有限公司", "headquartered_in", "北京");
    assert_no_relation(t, "星河科技有限公司", "headquartered_in", "香港");
    let t = "位于杭州的星河科技有限公司发布了新产品。";
    assert_relation(t, "星河科技有限公司", "located_in", "杭州");
    // a subsidiary founded somewhere says nothing of the parent's seat
    let t = "远航集团在北京成立了子公司。";
    assert_no_relation(t, "远航集团", "headquartered_in", "北京");
}

#[test]
fn shareholders_from_holdings_and_stake_purchases() {
    let t = "远航集团持有星河科技有限公司30%股权。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    let t = "星河科技有限公司第一大股东为远航集团。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    let t = "远航集团拟以2亿元收购星河科技有限公司20%股权。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    // a 举牌 (a holder passing a disclosure threshold, 5%, 10%…) is a stake
    let t = "值得关注的是，远航集团对星河科技有限公司第三次举牌。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    let t = "远航集团对星河科技有限公司的业绩表示失望。";
    assert_no_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    // buying the whole company is an acquisition, not a stake
    let t = "远航集团收购星河科技有限公司。";
    assert_no_relation(t, "远航集团", "investor_in", "星河科技有限公司");
}

#[test]
fn a_pattern_relation_carries_its_evidence() {
    let text = "去年，星河科技有限公司成立于2015年，总部位于杭州。";
    let x = extract(text);
    let r = x
        .relations
        .iter()
        .find(|r| r.kind == "headquartered_in")
        .expect("a headquarters relation");
    let e = &r.evidence[0];
    assert_eq!(&*e.doc, "r");
    assert_eq!(&*e.rule, "pattern:headquartered_in");
    let chars: Vec<char> = text.chars().collect();
    let span: String = chars[e.start..e.end].iter().collect();
    assert!(
        span.starts_with("星河科技有限公司") && span.ends_with("杭州"),
        "{span}"
    );
    assert_eq!(&*e.sentence, text);
}

#[test]
fn a_title_held_by_the_person_named_before_the_organization() {
    // PERSON 现任/担任 ORG TITLE, the title ending its clause
    let t = "王建国现任远航集团董事长。";
    assert_relation(t, "王建国", "employee_of", "远航集团");
    let t = "王建国担任星河科技有限公司首席执行官，负责日常经营。";
    assert_relation(t, "王建国", "ceo_of", "星河科技有限公司");
    // a title held before is a former employment
    let t = "王建国曾任星河科技有限公司总裁，后来自己创业。";
    assert_relation(t, "王建国", "former_employee_of", "星河科技有限公司");
    assert_no_relation(t, "王建国", "ceo_of", "星河科技有限公司");
    // the person named right after the title holds it, not the one before
    let t = "王建国拜访了远航集团董事长李明。";
    assert_relation(t, "李明", "employee_of", "远航集团");
    assert_no_relation(t, "王建国", "employee_of", "远航集团");
    // words that are no cue of holding (拜访, 离开) give no relation
    let t = "王建国离开远航集团董事长的位置。";
    assert_no_relation(t, "王建国", "employee_of", "远航集团");
}

#[test]
fn a_place_located_in_a_larger_one() {
    let t = "青龙湖位于杭州市西部，是一处风景区。";
    assert_relation(t, "青龙湖", "located_in", "杭州");
}

#[test]
fn a_founder_stands_before_the_founding() {
    // a person named after the trigger describes what was founded
    let t = "远航公司于1992年9月，创建了本市首家经营“王明”系列产品的专卖店。";
    assert_no_relation(t, "王明", "founder_of", "远航公司");
    // ...unless a founder's title introduces them
    let t = "星河汽车公司是美国第三大汽车公司，创立于1925年创始人名叫王明。";
    assert_relation(t, "王明", "founder_of", "星河汽车公司");
    // the company founded, named between the person and the trigger, is theirs, not founded by
    // them (甲的乙公司成立于)
    let t = "刘伟旗下的星河科技有限公司成立于2015年。";
    assert_no_relation(t, "刘伟", "founder_of", "星河科技有限公司");
    let t = "刘伟的星河科技有限公司成立于2015年。";
    assert_no_relation(t, "刘伟", "founder_of", "星河科技有限公司");
    // ...but 由 makes them the founder
    let t = "远航集团由王明先生于1998年在上海创办。";
    assert_relation(t, "王明", "founder_of", "远航集团");
}

#[test]
fn a_speaker_label_founds_nothing() {
    let t = "王明：这是由我们在1950年亲手创办的第一所大学（时为星河学院）。";
    assert_no_relation(t, "王明", "founder_of", "星河学院");
}

#[test]
fn a_founding_date_field_is_no_founding() {
    let t = "王明所在的星河集团创立时间为2001年。";
    assert_no_relation(t, "王明", "founder_of", "星河集团");
}

#[test]
fn the_company_of_a_founder_named_with_its_head_noun_is_not_founded() {
    let t = "2008年由远航集团王明先生、海天节能公司李强先生创办，全称为星河科技有限公司。";
    assert_no_relation(t, "李强", "founder_of", "海天节能");
    assert_no_relation(t, "王明", "founder_of", "海天节能");
}

#[test]
fn a_short_name_in_brackets_is_the_company_not_a_founder() {
    let t = "昆明李瑞特网络科技有限公司（李瑞特）于2012年8月成立。";
    assert_no_relation(t, "李瑞特", "founder_of", "昆明李瑞特网络科技有限公司");
}

#[test]
fn the_company_seat_after_a_clause() {
    // 公司总部 is the company's seat, not an organization of its own
    let t = "星河证券研究有限公司成立于1997年，公司总部设在北京。";
    assert_relation(t, "星河证券研究有限公司", "headquartered_in", "北京");
}

#[test]
fn a_seat_named_clauses_after_the_company() {
    let t = "星河科技有限公司是一家专注于人工智能的企业，以丰富的经验和广阔的视野，为客户提供全面的服务，总部位于杭州。";
    assert_relation(t, "星河科技有限公司", "headquartered_in", "杭州");
}

#[test]
fn a_place_before_的_locates_what_follows_it() {
    assert_relation(
        "北京的星河科技有限公司发布了新产品。",
        "星河科技有限公司",
        "located_in",
        "北京",
    );
    assert_relation("杭州的西湖风景优美。", "西湖", "located_in", "杭州");
    // a place that ends a verb phrase (访问韩国的) or a quoted likeness (做“中国的X”) locates
    // nothing
    assert_no_relation(
        "访问韩国的中国代表团规模很大。",
        "中国",
        "located_in",
        "韩国",
    );
    assert_no_relation(
        "他要做“中国的星河科技有限公司”。",
        "星河科技有限公司",
        "located_in",
        "中国",
    );
}

#[test]
fn shareholders_from_more_ways_of_holding_buying_and_receiving_shares() {
    for t in [
        "远航集团目前仍持有星河科技有限公司30%股权。",
        "远航集团只持有星河科技有限公司5%股份。",
        "远航集团所持的星河科技有限公司股份于明年解禁。",
        "远航集团用2亿元受让了星河科技有限公司20%股权。",
        "远航集团通过二级市场买入星河科技有限公司股票。",
        // the company issues shares to the holder
        "星河科技有限公司通过向远航集团定向增发3亿股，收购其资产。",
    ] {
        assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    }
    // a stake transferred to a buyer: the buyer holds it
    let t = "远航集团将持有的星河科技有限公司30%股权以2亿元转让给海天集团。";
    assert_relation(t, "海天集团", "investor_in", "星河科技有限公司");
    // a company's own equity transferred says nothing of a stake held by the buyer in the seller
    assert_no_relation(
        "远航集团将股权转让给海天集团。",
        "海天集团",
        "investor_in",
        "远航集团",
    );
}

#[test]
fn companies_that_set_up_another() {
    let t = "远航集团所投资设立的星河科技有限公司发展很快。";
    assert_relation(t, "远航集团", "founder_of", "星河科技有限公司");
    let t = "新设立的星河科技有限公司由远航集团及其子公司高管出资。";
    assert_relation(t, "远航集团", "founder_of", "星河科技有限公司");
}

#[test]
fn every_name_of_a_list_shares_the_relation_of_its_last() {
    let t = "远航集团及其控股子公司海天科技合计持有星河科技有限公司30%股份。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    assert_relation(t, "海天科技", "investor_in", "星河科技有限公司");
    let t = "远航集团、海天集团分别持有星河科技有限公司20%股份。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    let t = "海天集团与远航集团共同出资设立的星河科技有限公司已投产。";
    assert_relation(t, "海天集团", "founder_of", "星河科技有限公司");
    // a possessor is no item of the list
    let t = "远航集团的子公司海天科技持有星河科技有限公司30%股份。";
    assert_no_relation(t, "远航集团", "investor_in", "星河科技有限公司");
}

#[test]
fn a_branch_is_part_of_its_parent_named_alone() {
    let t = "招商银行杭州分行发放了首笔贷款。招商银行表示将继续支持小微企业。";
    assert_relation(t, "招商银行杭州分行", "part_of", "招商银行");
    // the short form of the parent (中储粮) leads to its canonical name
    let t = "中储粮吉林分公司开展了检查。中储粮此前已部署相关工作。";
    assert_relation(t, "中储粮吉林分公司", "part_of", "中国储备粮管理集团");
}

/// Whether a relation of `kind` from `source` to `target` was read from the title `title`.
fn has_title(text: &str, source: &str, kind: &str, target: &str, title: &str) -> bool {
    let strip = |id: &str| id.split_once(':').map_or(id, |p| p.1).to_string();
    let x = extract(text);
    x.relations.iter().any(|r| {
        strip(&r.source) == source
            && r.kind == kind
            && strip(&r.target) == target
            && r.evidence
                .iter()
                .any(|e| *e.rule == *format!("title:{title}"))
    })
}

#[track_caller]
fn assert_title(text: &str, source: &str, kind: &str, target: &str, title: &str) {
    assert!(
        has_title(text, source, kind, target, title),
        "{:?}",
        triples(text)
    );
}

#[test]
fn a_party_title_or_a_deputy_title_does_not_break_a_chain_of_titles() {
    let t = "远航集团董事长、财务总监王建国出席了会议。";
    assert_title(t, "王建国", "employee_of", "远航集团", "董事长");
    let t = "星河大学党委副书记、校长李明出席了典礼。";
    // the edge keeps the highest of one person's titles
    assert_title(t, "李明", "employee_of", "星河大学", "校长");
}

#[test]
fn words_between_the_organization_its_title_and_the_holder() {
    // a stock code, 的 and 时任 between the organization and the title
    let t = "证监会处罚了远航集团（600123）的时任董事长王建国。";
    assert_title(t, "王建国", "employee_of", "远航集团", "董事长");
    // 原: held before
    let t = "远航集团原总裁王建国昨日离开了北京。";
    assert_relation(t, "王建国", "former_employee_of", "远航集团");
    assert_no_relation(t, "王建国", "ceo_of", "远航集团");
    // a colon between the titles and the name
    let t = "管理团队：星河科技有限公司董事长、总经理：王建国";
    assert_title(t, "王建国", "employee_of", "星河科技有限公司", "董事长");
    // the name between the organization and the title
    let t = "北京远航科技有限公司李明董事长亲临现场。";
    assert_title(t, "李明", "employee_of", "北京远航科技有限公司", "董事长");
    // ...but not a book's editor before its title
    let t = "青松出版社王建国主编：《近代史》";
    assert_no_relation(t, "王建国", "employee_of", "青松出版社");
}

#[test]
fn a_title_cue_after_an_honorific() {
    let t = "王建国同志现任远航集团董事长、总经理。";
    assert_title(t, "王建国", "employee_of", "远航集团", "董事长");
    let t = "李明博士（现任星河大学校长）主持了会议。";
    assert_title(t, "李明", "employee_of", "星河大学", "校长");
    let t = "李明同志接任星河大学校长。";
    assert_title(t, "李明", "employee_of", "星河大学", "校长");
}

#[test]
fn a_title_of_the_organization_a_word_or_the_sentence_names() {
    // 公司 stands for the company named before
    let t = "远航集团昨日晚间发布公告，公司董事长王建国增持了股份。";
    assert_title(t, "王建国", "employee_of", "远航集团", "董事长");
    // 子公司 is not that company
    let t = "远航集团发布公告，子公司董事长王建国辞职。";
    assert_no_relation(t, "王建国", "employee_of", "远航集团");
    // a bare title in a sentence that opens with the organization
    let t = "星河大学举行了开学典礼，校长李明致辞。";
    assert_title(t, "李明", "employee_of", "星河大学", "校长");
    // a title listed after another holder's is of that holder's organization
    let t = "证监会对远航集团董事长王建国、财务总监李明作出处罚。";
    assert_relation(t, "李明", "employee_of", "远航集团");
    assert_no_relation(t, "李明", "employee_of", "证监会");
}

#[test]
fn a_title_in_a_sketch_of_the_person_it_opens_with() {
    let t = "李明，1965年生，星河科技有限公司董事长，高级工程师。";
    assert_title(t, "李明", "employee_of", "星河科技有限公司", "董事长");
    let t = "王建国，男，汉族，曾任远航集团总经理，现任星河科技有限公司董事长。";
    assert_relation(t, "王建国", "former_employee_of", "远航集团");
    assert_title(t, "王建国", "employee_of", "星河科技有限公司", "董事长");
    // the person of a clause with a verb is no sketch's
    let t = "王建国说，远航集团董事长。";
    assert_no_relation(t, "王建国", "employee_of", "远航集团");
}

#[test]
fn shareholders_from_a_stake_kept_taken_or_added_to() {
    let t = "远航集团表示将继续保持星河科技有限公司第二大股东的地位。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    let t = "远航集团正式成为星河科技有限公司的股东。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    let t = "远航集团拟对星河科技有限公司增资。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    let t = "远航集团拟向星河科技有限公司增资5000万元。";
    assert_relation(t, "远航集团", "investor_in", "星河科技有限公司");
    // 其 is the company named before
    let t = "星河科技有限公司上市后，其股东腾讯获益良多。";
    assert_relation(t, "腾讯", "investor_in", "星河科技有限公司");
    // 认为 is no 为
    let t = "远航集团认为星河科技有限公司大股东的做法不妥。";
    assert_no_relation(t, "远航集团", "investor_in", "星河科技有限公司");
}

#[test]
fn more_ways_a_title_finds_its_organization_and_holder() {
    // an organization whose name took the title's first word
    let t = "星河集团董事局主席王建国出席。";
    assert_title(t, "王建国", "employee_of", "星河集团董事局", "董事局主席");
    // a no-break space between the title and the name
    let t = "远航集团董事长\u{a0}王建国出席了会议。";
    assert_title(t, "王建国", "employee_of", "远航集团", "董事长");
    // PERSON 出任 TITLE after a clause that ends with the organization
    let t = "远航集团与星河集团合并为远航科技有限公司，王建国出任CEO。";
    assert_relation(t, "王建国", "ceo_of", "远航科技有限公司");
    // ...not an organization named inside that clause
    let t = "远航集团和星河集团成立合资公司，王建国出任总裁。";
    assert_no_relation(t, "王建国", "ceo_of", "星河集团");
    assert_no_relation(t, "王建国", "ceo_of", "远航集团");
    // a sketch whose name follows a symbol
    let t = "新闻来源👇王建国，男，汉族，1970年生，现任星河大学校长。";
    assert_title(t, "王建国", "employee_of", "星河大学", "校长");
}

#[test]
fn the_outlet_of_a_dateline_employs_nobody_it_reports_on() {
    let text = "星河日报 4 月 30 日消息 远航集团 HR 负责人王明今日发布内部信，宣布现任远航集团 CFO 李强将兼任星河科技有限公司 CEO 一职。";
    assert_no_relation(text, "王明", "employee_of", "星河日报");
    assert_no_relation(text, "李强", "employee_of", "星河日报");
}

#[test]
fn a_title_after_a_second_organization_is_not_the_first_ones() {
    let text = "2011年的这次交易，远航集团共获得15%股权成为星河科技有限公司第一大股东，新任董事长王明成为第一大个人股东。";
    assert_no_relation(text, "王明", "employee_of", "远航集团");
}
