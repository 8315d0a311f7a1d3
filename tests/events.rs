//! Events a reader checks in the timeline: what makes an event, who plays which role, which date
//! it gets, and when two reports are one event.
mod common;
use common::PIPELINE;
use shiji::document::clean::Given;
use shiji::model::{DocExtract, EventKind};

fn extract(text: &str, published: Option<&str>) -> DocExtract {
    let given = Given {
        id: "t".into(),
        published: published.map(|p| p.parse().unwrap()),
        ..Default::default()
    };
    PIPELINE.extract(text, &given).expect("extracts")
}

fn kinds(x: &DocExtract) -> Vec<EventKind> {
    x.events.iter().map(|e| e.kind).collect()
}

#[track_caller]
fn assert_no_kind(x: &DocExtract, kind: EventKind) {
    assert!(!kinds(x).contains(&kind), "{:?}", kinds(x));
}

fn role_of(x: &DocExtract, kind: EventKind, entity: &str) -> Vec<String> {
    x.events
        .iter()
        .filter(|e| e.kind == kind)
        .flat_map(|e| e.participants.iter())
        .filter(|p| p.entity.ends_with(entity))
        .map(|p| p.role.clone())
        .collect()
}

#[test]
fn a_pre_ipo_round_is_funding_not_a_listing() {
    let x = extract("2021年1月，星河科技完成Pre-IPO轮融资。", None);
    assert!(kinds(&x).contains(&EventKind::Funding), "{:?}", kinds(&x));
    assert_no_kind(&x, EventKind::Listing);
    let f = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Funding)
        .unwrap();
    assert_eq!(f.attributes["round"], "Pre-IPO");
}

#[test]
fn a_department_is_no_development() {
    let x = extract(
        "今年1月，星河科技裁员400人，主要集中在产品、研发部门。",
        None,
    );
    assert_no_kind(&x, EventKind::Development);
}

#[test]
fn years_spent_as_a_founder_are_no_founding() {
    let x = extract("王明（远航集团创始人）是一位创业超20年的老兵。", None);
    assert_no_kind(&x, EventKind::Founding);
}

#[test]
fn what_follows_the_acquisition_verb_is_the_target() {
    let x = extract("2011年，腾讯收购搜狗。", None);
    assert_eq!(role_of(&x, EventKind::Acquisition, "腾讯"), ["agent"]);
    assert_eq!(role_of(&x, EventKind::Acquisition, "搜狗"), ["target"]);
}

#[test]
fn the_passive_makes_the_first_name_the_target() {
    let x = extract("8月29日，搜狗证实被腾讯收购。", None);
    assert_eq!(role_of(&x, EventKind::Acquisition, "腾讯"), ["agent"]);
    assert_eq!(role_of(&x, EventKind::Acquisition, "搜狗"), ["target"]);
}

#[test]
fn a_trigger_inside_a_book_title_is_no_event() {
    let x = extract(
        "星河科技的行为违反了《上市公司收购管理办法》和《股票上市规则》的规定。",
        None,
    );
    assert_no_kind(&x, EventKind::Listing);
    assert_no_kind(&x, EventKind::Acquisition);
}

#[test]
fn a_loan_against_pledged_shares_is_no_funding() {
    let x = extract(
        "星河科技股东将其持有的部分股份质押给银行，用于个人融资。",
        None,
    );
    assert_no_kind(&x, EventKind::Funding);
}

#[test]
fn a_partnership_needs_two_sides() {
    let x = extract("星河科技周五涨停，其中深股通携手两家机构买入。", None);
    assert_no_kind(&x, EventKind::Partnership);
}

#[test]
fn an_offset_from_the_publication_into_the_future_dates_nothing() {
    let x = extract(
        "一年后，红杉资本在天使轮向星河科技出资600万美元。",
        Some("2021-05-21"),
    );
    let f = x.events.iter().find(|e| e.kind == EventKind::Funding);
    let f = f.expect("the funding is kept");
    assert!(
        f.date
            .as_ref()
            .is_none_or(|d| d.value.as_str() <= "2021-05-21"),
        "{:?}",
        f.date
    );
}

#[test]
fn a_drug_maker_listing_on_the_market_stays_a_listing() {
    let x = extract("2020年，星河药业在港交所上市，主要产品为多肽药物。", None);
    assert!(kinds(&x).contains(&EventKind::Listing), "{:?}", kinds(&x));
}

#[test]
fn two_reports_days_apart_in_one_document_are_one_event() {
    let text = "8月26日，星河科技以50亿元收购远航集团。\n8月29日，远航集团证实被星河科技收购。";
    let x = extract(text, Some("2021-08-29"));
    assert!(
        x.events
            .iter()
            .filter(|e| e.kind == EventKind::Acquisition)
            .count()
            >= 1
    );
    let g = shiji::graph::merge(&[x]);
    let acquisitions: Vec<_> = g
        .nodes()
        .filter(|n| n.kind == "event" && n.node_type == "acquisition")
        .collect();
    assert_eq!(acquisitions.len(), 1, "{acquisitions:#?}");
    assert_eq!(acquisitions[0].evidence.len(), 2);
}

#[test]
fn the_same_move_in_two_years_is_two_events() {
    let text = "2019年，星河科技进行了一轮业务调整。\n2020年，星河科技又进行了一轮业务调整。";
    let g = shiji::graph::merge(&[extract(text, Some("2021-01-01"))]);
    let n = g
        .nodes()
        .filter(|n| n.kind == "event" && n.node_type == "restructuring")
        .count();
    assert_eq!(n, 2);
}

#[test]
fn a_founder_founds_the_organization_after_the_verb_not_the_employer_before_it() {
    let x = extract("2001年，腾讯董事长张明创建了搜狗。", None);
    let founder_of: Vec<(&str, &str)> = x
        .relations
        .iter()
        .filter(|r| r.kind == "founder_of")
        .map(|r| (r.source.as_str(), r.target.as_str()))
        .collect();
    assert!(
        founder_of.contains(&("person:张明", "org:搜狗")),
        "{founder_of:?}"
    );
    assert!(
        !founder_of.iter().any(|r| r.1 == "org:腾讯"),
        "{founder_of:?}"
    );
}

#[test]
fn a_listed_company_is_no_listing() {
    let x = extract("星河酒业是A股17家上市白酒公司中唯一亏损的。", None);
    assert_no_kind(&x, EventKind::Listing);
    let x = extract("在美上市中概股周三收盘普涨，星河科技下跌5%。", None);
    assert_no_kind(&x, EventKind::Listing);
    let x = extract("星河药业已上市多肽药物竞争激烈。", None);
    assert_no_kind(&x, EventKind::Listing);
    let x = extract("2019年7月，星河酒业在深交所上市。", None);
    assert!(kinds(&x).contains(&EventKind::Listing), "{:?}", kinds(&x));
}

#[test]
fn a_failed_or_possible_event_is_none() {
    let x = extract("星河科技上市失败后，股价大跌。", None);
    assert_no_kind(&x, EventKind::Listing);
    let x = extract("星河科技董事长王明或离职。", None);
    assert_no_kind(&x, EventKind::Departure);
    let x = extract("星河科技暂无新融资消息。", None);
    assert_no_kind(&x, EventKind::Funding);
    let x = extract("星河科技有限公司离破产还有多远？", None);
    assert_no_kind(&x, EventKind::Bankruptcy);
    let x = extract("星河科技董事长王明离职。", None);
    assert!(kinds(&x).contains(&EventKind::Departure), "{:?}", kinds(&x));
    // watched or coveted, a chance of one: not (yet) an event
    let x = extract(
        "分析师说，远航集团等公司可能正盯着星河科技有限公司破产。",
        None,
    );
    assert_no_kind(&x, EventKind::Bankruptcy);
    let x = extract("星河科技有限公司发布三年规划，关注矿业市场并购机会。", None);
    assert_no_kind(&x, EventKind::Acquisition);
    let x = extract("2019年，星河科技有限公司并购了远航集团。", None);
    assert!(
        kinds(&x).contains(&EventKind::Acquisition),
        "{:?}",
        kinds(&x)
    );
}

#[test]
fn a_word_holding_bu_negates_nothing() {
    // 不明 (unknown), 不超过 (at most): the 不 of a word, not a negation of the event
    let x = extract(
        "3月5日，星河资本和一家身份不明的投资公司以1亿元收购了远航科技。",
        None,
    );
    assert!(
        kinds(&x).contains(&EventKind::Acquisition),
        "{:?}",
        kinds(&x)
    );
    let x = extract(
        "3月5日，星河资本拟以不超过5亿元收购远航科技100%股权。",
        None,
    );
    assert!(
        kinds(&x).contains(&EventKind::Acquisition),
        "{:?}",
        kinds(&x)
    );
    let x = extract("星河资本表示不会收购远航科技。", None);
    assert_no_kind(&x, EventKind::Acquisition);
}

#[test]
fn a_trigger_in_a_noun_phrase_or_list_is_none() {
    let x = extract("星河科技负责该项目的融资、设计、建造和运营。", None);
    assert_no_kind(&x, EventKind::Funding);
    let x = extract("星河科技的并购标的均为服装品牌。", None);
    assert_no_kind(&x, EventKind::Acquisition);
    let x = extract("减持完成后，星河科技可获得投资收益约1.1亿元。", None);
    assert_no_kind(&x, EventKind::Funding);
    let x = extract("2021年3月，星河科技完成1亿元A轮融资。", None);
    assert!(kinds(&x).contains(&EventKind::Funding), "{:?}", kinds(&x));
}

#[test]
fn a_trigger_used_as_a_noun_with_nobody_named_speaks_in_general() {
    // 公司 inside 上市公司 would stand for the organization the text names most
    let lead = "星河证券发布年度报告。星河证券表示，正在研究券商业务的新规则。";
    let x = extract(
        &format!("{lead}应该让上市公司的并购的定价机制更加灵活，让市场发挥更大的作用。"),
        None,
    );
    assert_no_kind(&x, EventKind::Acquisition);
    let x = extract(&format!("{lead}应该让上市公司的融资的渠道更加畅通。"), None);
    assert_no_kind(&x, EventKind::Funding);
    // a name in the clause, or a light verb, makes it one
    let x = extract(&format!("{lead}星河证券上周完成了对远航科技的并购。"), None);
    assert!(
        kinds(&x).contains(&EventKind::Acquisition),
        "{:?}",
        kinds(&x)
    );
}

#[test]
fn a_resume_is_no_news_of_moves() {
    let x = extract(
        "王明生于1959年，1979年加入远航机械厂，历任车间主任、副总经理。",
        None,
    );
    assert_no_kind(&x, EventKind::Join);
    let x = extract("2021年3月，王明加入远航机械厂。", None);
    assert!(kinds(&x).contains(&EventKind::Join), "{:?}", kinds(&x));
}

#[test]
fn a_precise_date_in_the_clause_beats_a_vague_one() {
    let x = extract(
        "星河科技有限公司最近一次融资停留在2020年4月。",
        Some("2022-03-31"),
    );
    let f = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Funding)
        .expect("a funding");
    assert_eq!(f.date.as_ref().map(|d| d.value.as_str()), Some("2020-04"));
}

#[test]
fn a_cancelled_listing_is_none() {
    let x = extract("星河科技有限公司重新上市的进程取消。", None);
    assert_no_kind(&x, EventKind::Listing);
}

#[test]
fn a_listing_stays_a_listing_without_a_cancel_word() {
    let x = extract("星河科技有限公司重新上市的进程启动。", None);
    assert!(kinds(&x).contains(&EventKind::Listing), "{:?}", kinds(&x));
}

#[test]
fn a_goal_is_no_event() {
    // 奔着上市去 is "aiming at a listing"; 准备IPO的企业 are "companies preparing an IPO"
    let x = extract("远航集团这家企业，从成立那天起，就是奔着上市去的。", None);
    assert_no_kind(&x, EventKind::Listing);
    let x = extract(
        "分析师王明表示，不论是上市公司，还是准备IPO的企业，都要合规。",
        None,
    );
    assert_no_kind(&x, EventKind::Listing);
    let x = extract("2019年7月，星河科技在深交所上市。", None);
    assert!(kinds(&x).contains(&EventKind::Listing), "{:?}", kinds(&x));
}

#[test]
fn who_celebrates_a_founding_is_not_its_founder() {
    let x = extract("远航集团副总裁王明透过直播与媒体一同庆祝腾讯成立。", None);
    assert_eq!(role_of(&x, EventKind::Founding, "腾讯"), ["org"], "{x:?}");
    assert!(role_of(&x, EventKind::Founding, "王明").is_empty(), "{x:?}");
    let x = extract("远航集团副总裁王明创立了星河科技。", None);
    assert_eq!(role_of(&x, EventKind::Founding, "王明"), ["agent"], "{x:?}");
}

#[test]
fn a_move_in_a_relative_clause_is_background_not_news() {
    // 刚入职公司不久的王丽娜: "who had just joined"; the news of the sentence is her worry
    let x = extract(
        "星河科技员工都被裁了，这让刚入职公司不久的王丽娜很担心。",
        None,
    );
    assert_no_kind(&x, EventKind::Join);
    let x = extract("王丽娜在2021年下半年入职星河科技。", None);
    assert!(kinds(&x).contains(&EventKind::Join), "{:?}", kinds(&x));
    // 即将退休的李建国: the move describes the person right after its 的
    let x = extract(
        "远航集团已任命王丽娜为销售总监，接替即将退休的李建国。",
        None,
    );
    assert_no_kind(&x, EventKind::Departure);
    let x = extract("远航集团销售总监李建国将于明年3月退休。", None);
    assert!(kinds(&x).contains(&EventKind::Departure), "{:?}", kinds(&x));
}

fn participants_of(x: &DocExtract) -> Vec<String> {
    x.events
        .iter()
        .flat_map(|e| e.participants.iter())
        .map(|p| p.entity.clone())
        .collect()
}

#[test]
fn the_outlet_a_source_speaks_to_takes_no_part() {
    // 告诉X / X注意到: the newspaper reports the layoff, it does not lay anyone off
    let x = extract(
        "一位远航集团员工告诉晨风日报，公司将在下月继续裁员。晨风日报注意到，3月的裁员涉及500名基层员工。",
        Some("2022-04-01"),
    );
    assert!(kinds(&x).contains(&EventKind::Layoff), "{:?}", kinds(&x));
    let all = participants_of(&x);
    assert!(!all.iter().any(|p| p.ends_with("晨风日报")), "{all:?}");
}

#[test]
fn a_possessor_is_not_the_subject_carried_into_a_move() {
    // 甲的下属——乙，……离职: 乙 leaves, not 甲 (nor 甲's company, named before 甲's title)
    let x = extract(
        "远航集团副总裁王建国的直接下属——技术总监刘海涛，与高层冲突后愤而离职。",
        None,
    );
    assert_eq!(role_of(&x, EventKind::Departure, "刘海涛"), ["person"]);
    assert!(role_of(&x, EventKind::Departure, "王建国").is_empty());
}

#[test]
fn an_addressee_is_not_the_subject() {
    // 向港交所提交上市申请: the company of the sentence lists, the exchange receives the filing
    let x = extract(
        "远航集团已启动港股上市，最快将于8月向港交所提交上市申请。",
        None,
    );
    assert_eq!(role_of(&x, EventKind::Listing, "远航集团"), ["org"]);
    assert_eq!(role_of(&x, EventKind::Listing, "香港交易所"), ["exchange"]);
}

#[test]
fn buying_into_a_company_is_a_stake_acquisition_unless_it_is_a_round() {
    // 甲入股乙: a stake bought, the buyer an investor in the company
    let x = extract("2020年，百度入股携程，持股15%。", None);
    assert_eq!(kinds(&x), [EventKind::Acquisition]);
    assert_eq!(role_of(&x, EventKind::Acquisition, "百度"), ["agent"]);
    assert_eq!(role_of(&x, EventKind::Acquisition, "携程"), ["target"]);
    assert!(
        x.relations.iter().any(|r| r.source.ends_with("百度")
            && r.kind == "investor_in"
            && r.target.ends_with("携程")),
        "{:?}",
        x.relations
    );
    // the company receives the money: it raises funds, whatever the order of the names
    let x = extract("2012年，携程获得百度1.2亿美元入股。", None);
    assert_eq!(kinds(&x), [EventKind::Funding]);
    assert_eq!(role_of(&x, EventKind::Funding, "百度"), ["investor"]);
    assert_eq!(role_of(&x, EventKind::Funding, "携程"), ["org"]);
    // a round: a funding, the buyer its investor
    let x = extract("2016年，百度入股携程的A轮。", None);
    assert_eq!(kinds(&x), [EventKind::Funding]);
    assert_eq!(role_of(&x, EventKind::Funding, "百度"), ["investor"]);
    // control taken: still an acquisition
    let x = extract("2020年，百度入股携程并取得控股权。", None);
    assert_eq!(kinds(&x), [EventKind::Acquisition]);
    assert_eq!(role_of(&x, EventKind::Acquisition, "携程"), ["target"]);
}

#[test]
fn an_intention_governs_the_clauses_after_it_until_a_contrast() {
    // 本想 in an earlier clause: the departure is what was meant to happen, not what happened
    let x = extract(
        "2022年1月，王建国本想通过降低年终奖，让员工在春节后主动离职。",
        None,
    );
    assert_no_kind(&x, EventKind::Departure);
    let x = extract(
        "2022年1月，王建国本想通过降低年终奖让员工离开，结果自己在春节后辞职了。",
        None,
    );
    assert!(kinds(&x).contains(&EventKind::Departure), "{:?}", kinds(&x));
    // a condition too: what would follow 如果 is no event
    let x = extract("如果审核不通过，携程将推迟在香港上市。", None);
    assert_no_kind(&x, EventKind::Listing);
}

#[test]
fn listed_products_and_new_shares_in_general_are_no_listing() {
    // 已上市…产品 describes products on the market; 新股上市首日 is any new share's first day
    let x = extract("星河药业目前拥有4个已上市多肽产品，另有3个在研。", None);
    assert!(
        !kinds(&x)
            .iter()
            .any(|k| matches!(k, EventKind::Listing | EventKind::ProductLaunch)),
        "{:?}",
        kinds(&x)
    );
    let x = extract(
        "2019年以来，远航证券统计的港股新股上市首日平均涨幅为12%。",
        None,
    );
    assert_no_kind(&x, EventKind::Listing);
}

#[test]
fn growth_by_acquisitions_is_a_strategy_not_an_acquisition() {
    let x = extract(
        "远航集团通过内生培育及外延并购，完成了环保产业链布局。",
        None,
    );
    assert_no_kind(&x, EventKind::Acquisition);
}

#[test]
fn a_dated_lead_reporting_an_announcement_dates_what_its_paragraph_reports() {
    let x = extract(
        "8月14日晚，百度发布公告。公告显示，百度拟以1.89亿元收购携程100%股权。",
        Some("2020-08-20"),
    );
    let a = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Acquisition)
        .expect("an acquisition");
    assert_eq!(a.date.as_ref().map(|d| d.text.as_str()), Some("8月14日晚"));
    // no dated lead: no date
    let x = extract(
        "百度近年动作频频。公告显示，百度拟以1.89亿元收购携程100%股权。",
        Some("2020-08-20"),
    );
    let a = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Acquisition)
        .expect("an acquisition");
    assert!(a.date.is_none(), "{:?}", a.date);
}

#[test]
fn two_people_named_on_one_day_are_two_appointments() {
    let x = extract(
        "4月30日，百度宣布，张伟将担任百度CEO。百度原副总裁李娜将担任百度COO。",
        Some("2020-08-20"),
    );
    let g = shiji::export::to_graph_json(&shiji::graph::merge(std::slice::from_ref(&x)));
    let appointments = g
        .nodes
        .iter()
        .filter(|n| n.node_type == "appointment")
        .count();
    assert_eq!(appointments, 2);
}

#[test]
fn buying_shares_is_an_acquisition_of_the_seller_s_stake_buying_goods_is_none() {
    // the comma inside the bracket ends no clause; the holder of the shares sells them
    let x = extract(
        "4月2日，张伟将斥资1.9亿港元购买百度（09888，HK）所持有的2932万股携程股份。",
        None,
    );
    assert_eq!(role_of(&x, EventKind::Acquisition, "百度"), ["seller"]);
    assert_eq!(role_of(&x, EventKind::Acquisition, "张伟"), ["agent"]);
    let x = extract("4月2日，百度员工购买了一批办公电脑。", None);
    assert_no_kind(&x, EventKind::Acquisition);
}

#[test]
fn selling_a_number_of_shares_is_no_acquisition_selling_a_stake_is() {
    let x = extract(
        "3月5日，远航科技董事长王明宣布将所持有的1200多万股出售给星河投资。",
        None,
    );
    assert_no_kind(&x, EventKind::Acquisition);
    let x = extract(
        "3月5日，远航科技有限公司以2亿元出售星河物流有限公司80%股权。",
        None,
    );
    assert!(
        kinds(&x).contains(&EventKind::Acquisition),
        "{:?}",
        kinds(&x)
    );
}

#[test]
fn a_launch_describing_a_product_is_background_not_news() {
    let x = extract(
        "美股零售交易平台StarTrade 17日宣布，已完成2亿美元的G轮融资。StarTrade是一款2015年推出的\
         交易应用程序，它允许投资者通过智能手机开立储蓄账户、购买股票、ETF和加密货币，无需任何费用。",
        None,
    );
    assert_no_kind(&x, EventKind::ProductLaunch);
    let x = extract("2016年，星河科技推出了一款移动支付应用星河支付。", None);
    assert!(
        kinds(&x).contains(&EventKind::ProductLaunch),
        "{:?}",
        kinds(&x)
    );
}

#[test]
fn publishing_a_filing_launches_nothing() {
    let x = extract(
        "2019年7月22日，百度电子商务平台（https://b2b.example.com）发布了《百度2019年第一次设备采购中标公告》。",
        None,
    );
    assert_no_kind(&x, EventKind::ProductLaunch);
}

#[test]
fn an_event_come_near_or_resisted_did_not_happen() {
    // 最接近（破产）: near it, not in it; the bracket does not hide the hedge
    let x = extract(
        "张伟回答道：“百度最接近（破产）的时候只有大约一个月的现金。”",
        None,
    );
    assert_no_kind(&x, EventKind::Bankruptcy);
    // 抵制收购: an acquisition opposed, not made
    let x = extract("携程多名股东联名表示，坚决抵制百度收购。", None);
    assert_no_kind(&x, EventKind::Acquisition);
}

#[test]
fn an_incentive_plan_s_recipients_leaving_is_a_condition_not_a_move() {
    // a buyback notice: the shares of recipients who left go back (激励对象因离职…), and the
    // plan's terms list what happens if they leave or are laid off; neither reports a move
    let x = extract(
        "华夏新材料股份有限公司公告。华夏新材料股份有限公司于2021年3月5日召开第二届董事会第十三次会议，审议通过了《关于回购注销部分限制性股票的议案》，3名激励对象因个人原因离职已不符合激励条件。",
        None,
    );
    assert_no_kind(&x, EventKind::Departure);
    let x = extract(
        "华夏新材料股份有限公司公告。根据《华夏新材料股份有限公司2020年限制性股票激励计划》，激励对象因辞职、公司裁员而不在公司担任相关职务的，其股票由公司回购。",
        None,
    );
    assert_no_kind(&x, EventKind::Layoff);
    // the same company's layoff, said plainly, is one
    let x = extract(
        "华夏新材料股份有限公司公告。2021年3月，华夏新材料股份有限公司宣布裁员500人。",
        None,
    );
    assert!(kinds(&x).contains(&EventKind::Layoff), "{:?}", kinds(&x));
}

#[test]
fn the_money_an_ipo_raises_is_the_listing_not_a_funding() {
    // 通过IPO募资: the proceeds of the listing (retype.tsv)
    let x = extract("2020年5月，华夏光电通过IPO募资7亿元。", None);
    assert!(kinds(&x).contains(&EventKind::Listing), "{:?}", kinds(&x));
    assert_no_kind(&x, EventKind::Funding);
    // a private placement raises funds, and so does a round before the IPO (the IPO of
    // Pre-IPO轮 is part of the round's name)
    let x = extract("2020年5月，华夏光电定增募资7亿元。", None);
    assert!(kinds(&x).contains(&EventKind::Funding), "{:?}", kinds(&x));
    let x = extract("2020年5月，华夏光电完成Pre—IPO轮募资。", None);
    assert!(kinds(&x).contains(&EventKind::Funding), "{:?}", kinds(&x));
    assert_no_kind(&x, EventKind::Listing);
}

#[test]
fn the_companies_an_investor_bought_into_are_no_event() {
    // 入股的公司: the companies it holds, a noun phrase, no investment made here
    let x = extract(
        "孙正义说：“当我看到美国和中国公司（指的是软银集团投资入股的公司）的增长时，我感觉它们还不够好。”",
        None,
    );
    assert_no_kind(&x, EventKind::Funding);
    assert_no_kind(&x, EventKind::Acquisition);
    let x = extract("2020年5月，软银集团投资入股华夏光电。", None);
    assert!(
        kinds(&x).contains(&EventKind::Acquisition),
        "{:?}",
        kinds(&x)
    );
}

#[test]
fn a_link_to_another_article_at_the_foot_reports_none_of_this_article_s_events() {
    // a page's recommendation block: headline, teaser cut short, posted time
    let text = "8月28日，华夏光电发布公告称，公司于当日回购7300股。\n海量资讯、精准解读，尽在财经APP\n王明前脚刚退休，星河科技就开始动手\n导读：星河科技董事长王明前脚刚退休，星河科技就开始动手，瞄准支付的腹地……\n2019-09-16 15:32:16\n原油暴涨，历史数据告诉你会否涨至100美元";
    let x = extract(text, None);
    assert_no_kind(&x, EventKind::Departure);
    // the same teaser as a paragraph of the article is its news
    let text = "8月28日，华夏光电发布公告称，公司于当日回购7300股。\n星河科技董事长王明前脚刚退休，星河科技就开始动手，瞄准支付的腹地。";
    let x = extract(text, None);
    assert!(kinds(&x).contains(&EventKind::Departure), "{:?}", kinds(&x));
}

#[test]
fn a_year_that_labels_a_series_dates_no_event() {
    // 2020年度第二期: the bond's series; the issue is dated by the clause before
    let x = extract(
        "据了解，6月8日至9日，华夏地产发行了2020年度第二期超短期融资券，实际本期发行金额为人民币15亿元。",
        None,
    );
    let f = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Funding)
        .expect("a funding");
    assert_eq!(
        f.date.as_ref().map(|d| d.text.as_str()),
        Some("6月8日至9日")
    );
    // a year said of the event itself dates it
    let x = extract("据了解，华夏地产于2020年发行超短期融资券。", None);
    let f = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Funding)
        .expect("a funding");
    assert_eq!(f.date.as_ref().map(|d| d.text.as_str()), Some("2020年"));
}

#[test]
fn a_year_of_birth_dates_no_event() {
    let x = extract(
        "任内完成华夏证券A+H上市1966年出生的王明，是一名低调的干部。",
        None,
    );
    assert!(
        x.events
            .iter()
            .filter(|e| e.kind == EventKind::Listing)
            .all(|e| e.date.is_none()),
        "{:?}",
        x.events
    );
}

#[test]
fn the_person_last_named_is_the_one_who_moves_not_the_company_that_announced() {
    let x = extract(
        "星河科技集团公布，王新良因寻求个人发展，已辞任为公司的执行董事。",
        None,
    );
    assert!(
        !role_of(&x, EventKind::Departure, "王新良").is_empty(),
        "{:?}",
        x.events
    );
    assert!(
        role_of(&x, EventKind::Departure, "星河科技集团").is_empty(),
        "{:?}",
        x.events
    );
}

#[test]
fn a_journalist_credited_in_the_lead_takes_no_part() {
    let x = extract(
        "星河网讯（记者 张小明）近日，远航集团向王新良颁发聘书，正式聘请王新良担任远航集团顾问。",
        None,
    );
    assert!(
        !role_of(&x, EventKind::Appointment, "王新良").is_empty(),
        "{:?}",
        x.events
    );
    assert!(
        role_of(&x, EventKind::Appointment, "张小明").is_empty(),
        "{:?}",
        x.events
    );
}

#[test]
fn a_trigger_straddling_two_words_is_none() {
    // 隔离/开关 holds 离开, 赶上/市场 holds 上市, 总裁/减持 holds 裁减: none is the event
    let x = extract(
        "3月2日，华腾电气董事长王海表示，公司的隔离开关产品已在国家电网中标。",
        None,
    );
    assert_no_kind(&x, EventKind::Departure);
    let x = extract("3月，星河科技的股价终于赶上市场的反弹。", None);
    assert_no_kind(&x, EventKind::Listing);
    let x = extract("8月，华腾电气总裁减持公司股份100万股。", None);
    assert_no_kind(&x, EventKind::Layoff);
    // 申请/辞去: the search goes on inside the straddling 请辞 and finds 辞去
    let x = extract("5月8日，华腾电气董事王海因个人原因申请辞去董事职务。", None);
    assert!(kinds(&x).contains(&EventKind::Departure), "{:?}", kinds(&x));
}

#[test]
fn publishing_data_or_a_report_launches_no_product() {
    let x = extract(
        "星河医药预计明年上半年将发布XR-27注射液的三期临床数据。",
        None,
    );
    assert_no_kind(&x, EventKind::ProductLaunch);
    let x = extract("5月，星河科技发布了新产品的用户调查报告。", None);
    assert_no_kind(&x, EventKind::ProductLaunch);
    // the product itself still is launched
    let x = extract("5月，星河科技发布了新款手机X9。", None);
    assert!(
        kinds(&x).contains(&EventKind::ProductLaunch),
        "{:?}",
        kinds(&x)
    );
}

#[test]
fn a_products_market_application_is_no_launch() {
    let x = extract(
        "星河医药表示，公司计划于明年向美国和欧盟提交XR-27注射液的上市申请。",
        None,
    );
    assert_no_kind(&x, EventKind::ProductLaunch);
    assert_no_kind(&x, EventKind::Listing);
}

#[test]
fn the_proceeds_of_an_ipo_named_elsewhere_are_the_listing() {
    let x = extract(
        "6月5日，蓝海医疗科技股份有限公司首发上市的申请获证监会审核通过。蓝海医疗科技股份有限公司此次拟发行5000万股，募资总额预计为8亿元。",
        None,
    );
    assert!(kinds(&x).contains(&EventKind::Listing), "{:?}", kinds(&x));
    assert_no_kind(&x, EventKind::Funding);
    // dated apart, a later offering raises new money
    let x = extract(
        "2015年，蓝海医疗科技股份有限公司首发上市。今年3月，蓝海医疗科技股份有限公司通过定增募资8亿元。",
        Some("2021-06-01"),
    );
    assert!(kinds(&x).contains(&EventKind::Funding), "{:?}", kinds(&x));
    // a round is named: a funding
    let x = extract(
        "2015年，蓝海医疗科技股份有限公司首发上市。今年3月，蓝海医疗科技股份有限公司完成Pre-IPO轮募资8亿元。",
        None,
    );
    assert!(kinds(&x).contains(&EventKind::Funding), "{:?}", kinds(&x));
}

#[test]
fn a_listing_by_gua_pai_needs_a_market_in_its_sentence() {
    // 多次挂牌 offers an asset for sale: no market named, no listing
    let x = extract("去年，华腾电气曾多次挂牌想要出售这家子公司。", None);
    assert_no_kind(&x, EventKind::Listing);
    let x = extract("3月8日，蓝海医疗科技股份有限公司在新三板挂牌。", None);
    assert!(kinds(&x).contains(&EventKind::Listing), "{:?}", kinds(&x));
}

#[test]
fn an_outstanding_balance_is_no_funding() {
    let x = extract(
        "截至6月30日，蓝海医疗科技股份有限公司已发行债券余额为20亿元，包括超短期融资券和中期票据。",
        None,
    );
    assert_no_kind(&x, EventKind::Funding);
    let x = extract("3月，蓝海医疗科技股份有限公司完成2亿元B轮融资。", None);
    assert!(kinds(&x).contains(&EventKind::Funding), "{:?}", kinds(&x));
}

#[test]
fn laying_off_a_named_person_is_a_departure() {
    let x = extract("3月，雄鹰队裁掉了后卫王小明。", None);
    assert!(kinds(&x).contains(&EventKind::Departure), "{:?}", kinds(&x));
    assert_no_kind(&x, EventKind::Layoff);
    let x = extract("上周，后卫王小明被雄鹰队裁掉了。", None);
    assert!(kinds(&x).contains(&EventKind::Departure), "{:?}", kinds(&x));
    // the person who announces a layoff is not laid off
    let x = extract(
        "3月，蓝海医疗科技股份有限公司董事长王小明宣布裁员500人。",
        None,
    );
    assert!(kinds(&x).contains(&EventKind::Layoff), "{:?}", kinds(&x));
    assert_no_kind(&x, EventKind::Departure);
}

#[test]
fn a_brand_model_going_on_sale_is_a_launch_not_a_listing() {
    for t in [
        "2021年3月，vivo Y73s正式上市。",
        // a car model of a powertrain and a Han name; a phone's edition
        "2021年3月，丰田双擎帕萨特正式上市。",
        "2021年3月，红米K90青春版正式上市。",
    ] {
        let x = extract(t, None);
        assert!(
            kinds(&x).contains(&EventKind::ProductLaunch),
            "{t}: {:?}",
            kinds(&x)
        );
        assert_no_kind(&x, EventKind::Listing);
    }
}

#[test]
fn a_space_between_han_clauses_ends_a_clause() {
    // a headline's two clauses: the company that raised is no investor of its own round
    let given = Given {
        id: "t".into(),
        title: Some("云杉数智完成3亿元B轮融资 北辰资本领投".into()),
        ..Default::default()
    };
    let x = PIPELINE
        .extract("云杉数智宣布完成3亿元B轮融资。", &given)
        .expect("extracts");
    assert!(role_of(&x, EventKind::Funding, "云杉数智").contains(&"org".to_string()));
    assert!(!role_of(&x, EventKind::Funding, "云杉数智").contains(&"investor".to_string()));
    assert!(role_of(&x, EventKind::Funding, "北辰资本").contains(&"investor".to_string()));
}

#[test]
fn selling_shares_is_no_launch_and_substitutes_coming_to_market_are_no_listing() {
    let x = extract(
        "公司可授权主承销商按同一发行价格超额发售不超过包销数额15%的股份。",
        None,
    );
    assert_no_kind(&x, EventKind::ProductLaunch);
    let x = extract("国产替代品逐步上市，星河科技的毛利受到挤压。", None);
    assert_no_kind(&x, EventKind::Listing);
    // a product on sale is still a launch
    let x = extract("星河科技今天发售了新款耳机。", None);
    assert!(
        kinds(&x).contains(&EventKind::ProductLaunch),
        "{:?}",
        kinds(&x)
    );
}

#[test]
fn buying_a_number_of_shares_is_an_acquisition() {
    let x = extract(
        "2011年7月，远航集团斥资8.9亿港元向王明购入星河软件1.78亿股。",
        None,
    );
    assert!(role_of(&x, EventKind::Acquisition, "远航集团").contains(&"agent".to_string()));
    // buying goods stays no event
    let y = extract("2011年7月，远航集团购入一批办公设备。", None);
    assert_no_kind(&y, EventKind::Acquisition);
}

#[test]
fn what_an_organization_developed_is_no_development_of_this_news() {
    let x = extract(
        "该方案搭载了星河科技自主研发的感知模块，底层技术是远航集团研发的。",
        Some("2021-06-18"),
    );
    assert_no_kind(&x, EventKind::Development);
}

#[test]
fn an_investor_that_invested_in_a_company_funds_it() {
    let x = extract("2013年，远航集团投资了星河科技。", None);
    assert_eq!(role_of(&x, EventKind::Funding, "远航集团"), ["investor"]);
    assert_eq!(role_of(&x, EventKind::Funding, "星河科技"), ["org"]);
}

#[test]
fn an_investor_that_put_money_into_a_round_funds_the_company() {
    let x = extract("2020年12月，远航集团投了星河科技的A+轮。", None);
    assert_eq!(role_of(&x, EventKind::Funding, "远航集团"), ["investor"]);
    // a vote cast is no investment
    let y = extract("2020年12月，远航集团在股东大会上投了反对票。", None);
    assert_no_kind(&y, EventKind::Funding);
}

#[test]
fn a_trigger_that_modifies_a_noun_is_no_event() {
    // 融资的新闻稿: the press releases of rounds in general, whatever organization the sentence names
    let x = extract("此后多轮融资的新闻稿里，都有远航集团的名字。", None);
    assert_no_kind(&x, EventKind::Funding);
    // a name after the 的 is the one the event is about
    let y = extract("2021年3月，完成融资的远航集团宣布扩张。", None);
    assert!(kinds(&y).contains(&EventKind::Funding), "{:?}", kinds(&y));
}

#[test]
fn a_credit_compiled_from_interviews_is_no_interview() {
    let x = extract("星河日报根据采访整理了远航集团的组织架构。", None);
    assert_no_kind(&x, EventKind::Interview);
    let y = extract("远航集团之前的组织架构 星河日报采访整理", None);
    assert_no_kind(&y, EventKind::Interview);
    let z = extract(
        "2021年5月，王明接受星河日报采访时表示，远航集团将扩张。",
        None,
    );
    assert!(kinds(&z).contains(&EventKind::Interview), "{:?}", kinds(&z));
}

#[test]
fn a_statement_that_ends_its_clause_says_what_the_next_clause_says() {
    let x = extract(
        "2021年12月，远航集团董事会突然宣布，筹备多时的重新上市进程取消。",
        None,
    );
    let s = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Statement)
        .expect("a statement");
    assert!(s.name.ends_with("重新上市进程取消"), "{}", s.name);
    // what is stated and made an event is that event, no statement besides
    let y = extract("2021年3月，远航集团宣布，公司完成B轮融资。", None);
    assert!(kinds(&y).contains(&EventKind::Funding), "{:?}", kinds(&y));
    assert_no_kind(&y, EventKind::Statement);
}

#[test]
fn an_undated_report_with_the_same_parties_is_the_dated_event() {
    // a headline names the seller alone, the body the buyer too and the date
    let x = extract(
        "1.5亿购买远航集团所持股份\n2012年4月2日，星河软件董事局主席王明斥资1.91亿港元购买远航集团所持有的2932万股公司股份。",
        None,
    );
    let acq: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Acquisition)
        .collect();
    assert_eq!(acq.len(), 1, "{acq:?}");
    assert!(acq[0].date.is_some());
}

#[test]
fn an_undated_round_is_not_a_dated_round_of_another_name() {
    let x = extract(
        "星河科技有限公司在天使轮获得远航集团投资600万美元。2021年4月，星河科技有限公司完成B轮融资。",
        None,
    );
    let dated = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Funding && e.date.is_some())
        .expect("the B round");
    assert!(
        !dated
            .participants
            .iter()
            .any(|p| p.entity.ends_with("远航集团")),
        "{dated:?}"
    );
}

#[test]
fn the_subject_carried_to_an_investing_trigger_invests() {
    let x = extract(
        "远航集团动作频频，在2020年12月和2021年4月，分别投了星河科技有限公司的A+轮和B轮。",
        None,
    );
    assert_eq!(role_of(&x, EventKind::Funding, "远航集团"), ["investor"]);
    assert_eq!(role_of(&x, EventKind::Funding, "星河科技有限公司"), ["org"]);
}

#[test]
fn a_period_whose_results_are_reported_has_ended_when_the_text_is_written() {
    // no publication date: the text's latest period is one it reports results of, so the
    // text is of the year after it, and so is the day it names without a year
    let x = extract(
        "4月2日，星河软件有限公司发布公告称，公司董事局主席王明将斥资1.91亿港元购买远航集团所持有的2932万股公司股份。星河软件有限公司2012年度纯利为4.32亿元人民币。",
        None,
    );
    let a = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Acquisition)
        .expect("an acquisition");
    assert_eq!(
        a.date.as_ref().map(|d| d.value.as_str()),
        Some("2013-04-02")
    );
}

#[test]
fn who_is_addressed_by_a_purchase_sells() {
    let x = extract(
        "2011年7月，远航集团斥资8.9亿港元向王明及李强购入星河软件1.78亿股。",
        None,
    );
    assert_eq!(role_of(&x, EventKind::Acquisition, "远航集团"), ["agent"]);
    assert_eq!(role_of(&x, EventKind::Acquisition, "王明"), ["seller"]);
    assert_eq!(role_of(&x, EventKind::Acquisition, "李强"), ["seller"]);
}

#[test]
fn a_relative_clause_takes_no_date_from_the_rest_of_its_sentence() {
    let text = "但如今这个市场早已红海一片，除了远航集团，星河科技有限公司自身上线的小商店等产品，进一步蚕食了市场。";
    let x = extract(text, Some("2022-03-31"));
    let l = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::ProductLaunch)
        .expect("a launch");
    assert!(l.date.is_none(), "{:?}", l.date);
    // the main verb of a clause takes the sentence's date
    let y = extract(
        "目前，星河科技有限公司已上线小商店等产品。",
        Some("2022-03-31"),
    );
    let l = y
        .events
        .iter()
        .find(|e| e.kind == EventKind::ProductLaunch)
        .expect("a launch");
    assert!(l.date.is_some());
}

#[test]
fn an_event_the_text_points_back_to_takes_the_date_of_the_lead() {
    let x = extract(
        "星河日报 4 月 30 日消息 远航集团今日发布内部信，宣布李强将担任远航集团 CEO 一职。\n远航集团内部邮件显示，此轮远航集团管理层调整，旨在优化全球团队配置。",
        Some("2021-04-30"),
    );
    let r = x
        .events
        .iter()
        .find(|e| e.kind == EventKind::Restructuring)
        .expect("a restructuring");
    assert_eq!(
        r.date.as_ref().map(|d| d.value.as_str()),
        Some("2021-04-30")
    );
}

#[test]
fn the_name_before_the_title_a_person_is_appointed_to_is_an_organization() {
    // the lexicon knows 抖音 as an app; a CEO or COO is one of an organization
    let x = extract("2021年4月30日，原抖音临时负责人李强将担任抖音 COO。", None);
    assert_eq!(role_of(&x, EventKind::Appointment, "抖音"), ["org"]);
}

#[test]
fn a_name_describing_a_later_name_is_not_the_subject_carried() {
    // 有着甲色彩的新项目乙: 乙 is the subject the next clause carries, 甲 only describes it
    let x = extract(
        "一年后，有着浓郁腾讯色彩的新项目小红书高举高打，红杉资本在天使轮出资600万美元。",
        None,
    );
    assert_eq!(role_of(&x, EventKind::Funding, "小红书"), ["org"]);
    assert!(role_of(&x, EventKind::Funding, "腾讯").is_empty());
    assert_eq!(role_of(&x, EventKind::Funding, "红杉资本"), ["investor"]);
}
