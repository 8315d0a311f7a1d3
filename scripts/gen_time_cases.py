#!/usr/bin/env python3
"""Generate tests/data/time_cases.tsv from templates written from the rules of the language.

Every family below states the rule it tests; expected values follow the contract in
src/time/README.md (news policy: underspecified dates resolve to the nearest past occurrence
unless a future marker is in the sentence). Run: python3 scripts/gen_time_cases.py
"""
import datetime as dt
import os

R = "2023-04-23"  # a Sunday, ISO week 2023-W16
rows = []


def add(text, ref, typ, value, grain, mod="", match=""):
    rows.append((text, ref, typ, value, grain, mod, match))


CN = "零一二三四五六七八九"


def cn_small(n):
    """1..99 in Chinese with units (十二, 二十五)."""
    if n < 10:
        return CN[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else CN[t]) + "十" + (CN[u] if u else "")


def cn_digits(n, zero="〇"):
    return "".join(zero if c == "0" else CN[int(c)] for c in str(n))


def fw(s):
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)


# --- absolute dates in all notations
for (y, m, d) in [(2012, 10, 5), (2019, 1, 31), (2020, 2, 29), (2008, 8, 8), (1997, 7, 1), (2021, 12, 9)]:
    v = f"{y:04}-{m:02}-{d:02}"
    for form in [f"{y}年{m}月{d}日", f"{y}年{m}月{d}号", f"{y}-{m:02}-{d:02}", f"{y}/{m}/{d}", f"{y}.{m:02}.{d:02}",
                 f"{cn_digits(y)}年{cn_small(m)}月{cn_small(d)}日", f"{cn_digits(y, '零')}年{cn_small(m)}月{cn_small(d)}号",
                 fw(f"{y}年{m}月{d}日")]:
        add(form, R, "date", v, "day")
        add(f"据介绍，{form}，公司发布了新产品。", R, "date", v, "day", "", form)
    add(f"{y}年{m}月", R, "date", f"{y:04}-{m:02}", "month")
    add(f"{y}年{cn_small(m)}月份", R, "date", f"{y:04}-{m:02}", "month")
    add(f"{y}年", R, "date", f"{y:04}", "year")
    add(f"{cn_digits(y)}年", R, "date", f"{y:04}", "year")

# two-digit years (followed by a finer unit), Republic of China years
for yy, full in [(12, 2012), (98, 1998), (3, 2003), (21, 2021)]:
    add(f"{yy:02}年10月", R, "date", f"{full}-10", "month")
    add(f"{yy:02}年底", R, "date", f"{full}", "year", "END")
for n, y in [(112, 2023), (100, 2011), (38, 1949)]:
    add(f"民国{n}年", R, "date", str(y), "year")
    add(f"民國{n}年", R, "date", str(y), "year")

# --- month/day without a year: nearest past (ref 2023-04-23), future when marked
for text, v in [("3月5日", "2023-03-05"), ("4月20日", "2023-04-20"), ("5月1日", "2022-05-01"), ("12月31日", "2022-12-31"),
                ("1月1号", "2023-01-01"), ("十月五日", "2022-10-05"), ("二月十四日", "2023-02-14"), ("4月23日", "2023-04-23")]:
    add(text, R, "date", v, "day")
for text, v in [("3月", "2023-03"), ("三月份", "2023-03"), ("5月", "2022-05"), ("十二月", "2022-12"), ("4月", "2023-04")]:
    add(text, R, "date", v, "month")
for text, m, v, g in [("公司将于5月1日发布新品。", "5月1日", "2023-05-01", "day"), ("计划12月上线。", "12月", "2023-12", "month"),
                      ("发布会将在4月20日举行。", "4月20日", "2023-04-20", "day"), ("预计6月底完成。", "6月底", "2023-06", "month"),
                      ("他们即将在10月推出。", "10月", "2023-10", "month"),
                      ("公司周四发布业绩预告，预计全年利润增长。", "周四", "2023-04-20", "day"),
                      ("公司于周四发布业绩预告，并预计全年利润增长。", "周四", "2023-04-20", "day"),
                      # a marker before 的 modifies a noun: the time before it is the plan's, past
                      ("这符合公司5月计划的人员优化方案。", "5月", "2022-05", "month"),
                      ("公司计划的上线时间为12月。", "12月", "2023-12", "month")]:
    add(text, R, "date", v, g, "END" if "底" in m else "", m)
for text, v in [("5日", "2023-04-05"), ("20日", "2023-04-20"), ("28日", "2023-03-28")]:
    add(text, R, "date", v, "day")

# --- parts of years and months
for y in [2020, 2021]:
    add(f"{y}年初", R, "date", str(y), "year", "START")
    add(f"{y}年年初", R, "date", str(y), "year", "START")
    add(f"{y}年中", R, "date", str(y), "year", "MID")
    add(f"{y}年底", R, "date", str(y), "year", "END")
    add(f"{y}年末", R, "date", str(y), "year", "END")
    add(f"{y}年上半年", R, "date", f"{y}-H1", "half")
    add(f"{y}年下半年", R, "date", f"{y}-H2", "half")
    for q in range(1, 5):
        add(f"{y}年第{CN[q]}季度", R, "date", f"{y}-Q{q}", "quarter")
        add(f"{y}年{CN[q]}季度", R, "date", f"{y}-Q{q}", "quarter")
        add(f"{y}年Q{q}", R, "date", f"{y}-Q{q}", "quarter")
    add(f"{y}年首季度", R, "date", f"{y}-Q1", "quarter")
    add(f"{y}年3月上旬", R, "interval", f"{y}-03-01/{y}-03-10", "day")
    add(f"{y}年3月中旬", R, "interval", f"{y}-03-11/{y}-03-20", "day")
    add(f"{y}年2月下旬", R, "interval", f"{y}-02-21/{y}-02-{29 if y % 4 == 0 else 28}", "day")
    add(f"{y}年5月初", R, "date", f"{y}-05", "month", "START")
    add(f"{y}年5月中", R, "date", f"{y}-05", "month", "MID")
    add(f"{y}年5月底", R, "date", f"{y}-05", "month", "END")
    add(f"{y}年5月末", R, "date", f"{y}-05", "month", "END")
    add(f"{y}年春季", R, "interval", f"{y}-03/{y}-05", "month")
    add(f"{y}年夏天", R, "interval", f"{y}-06/{y}-08", "month")
    add(f"{y}年秋季", R, "interval", f"{y}-09/{y}-11", "month")
    add(f"{y}年冬季", R, "interval", f"{y}-12/{y + 1}-02", "month")
add("年底", R, "date", "2023", "year", "END")
add("今年年底", R, "date", "2023", "year", "END")
add("去年年初", R, "date", "2022", "year", "START")
add("明年上半年", R, "date", "2024-H1", "half")
add("上半年", R, "date", "2023-H1", "half")
add("一季度", R, "date", "2023-Q1", "quarter")
add("第一季度", R, "date", "2023-Q1", "quarter")
add("Q3", R, "date", "2023-Q3", "quarter")
add("月底", R, "date", "2023-04", "month", "END")
add("3月底", R, "date", "2023-03", "month", "END")
add("本月初", R, "date", "2023-04", "month", "START")
add("上个月底", R, "date", "2023-03", "month", "END")
for text, v, g, mod in [("90年代", "199", "decade", ""), ("上世纪90年代", "199", "decade", ""), ("上世纪八十年代", "198", "decade", ""),
                        ("2010年代", "201", "decade", ""), ("二十世纪九十年代", "199", "decade", ""), ("十九世纪七十年代", "187", "decade", ""),
                        ("本世纪", "20", "century", ""), ("18世纪", "17", "century", ""), ("本世纪初", "20", "century", "START"),
                        ("上世纪末", "19", "century", "END"), ("80年代末", "198", "decade", "END")]:
    add(text, R, "date", v, g, mod)

# --- relative to the publication date (2023-04-23, Sunday, W16)
for text, v, g in [("今年", "2023", "year"), ("去年", "2022", "year"), ("前年", "2021", "year"), ("大前年", "2020", "year"),
                   ("明年", "2024", "year"), ("后年", "2025", "year"), ("本月", "2023-04", "month"), ("这个月", "2023-04", "month"),
                   ("上个月", "2023-03", "month"), ("上月", "2023-03", "month"), ("下月", "2023-05", "month"), ("下个月", "2023-05", "month"),
                   ("今天", "2023-04-23", "day"), ("今日", "2023-04-23", "day"), ("昨天", "2023-04-22", "day"), ("昨日", "2023-04-22", "day"),
                   ("前天", "2023-04-21", "day"), ("明天", "2023-04-24", "day"), ("明日", "2023-04-24", "day"), ("后天", "2023-04-25", "day"),
                   ("上周", "2023-W15", "week"), ("本周", "2023-W16", "week"), ("这周", "2023-W16", "week"), ("下周", "2023-W17", "week"),
                   ("上星期", "2023-W15", "week"), ("下个星期", "2023-W17", "week"), ("下周三", "2023-04-26", "day"),
                   ("上周五", "2023-04-14", "day"), ("本周一", "2023-04-17", "day"), ("下星期一", "2023-04-24", "day"),
                   ("上个礼拜天", "2023-04-16", "day"), ("周三", "2023-04-19", "day"), ("星期五", "2023-04-21", "day"),
                   ("今年2月", "2023-02", "month"), ("去年10月", "2022-10", "month"), ("明年3月", "2024-03", "month"),
                   ("去年3月3日", "2022-03-03", "day"), ("今年五月一日", "2023-05-01", "day"), ("本季度", "2023-Q2", "quarter"),
                   ("上季度", "2023-Q1", "quarter"), ("下个月5号", "2023-05-05", "day"), ("本月9日", "2023-04-09", "day")]:
    add(text, R, "date", v, g)
for text, mod in [("近日", "APPROX"), ("日前", "APPROX"), ("最近", "APPROX"), ("目前", ""), ("现在", ""), ("当前", ""), ("如今", "")]:
    add(text, R, "date", "2023-04-23", "day", mod)
add("现在", "2013-02-12T04:30:00", "time", "2013-02-12T04:30:00", "second")
for text, v, g in [("10年前", "2013", "year"), ("三年前", "2020", "year"), ("两年后", "2025", "year"), ("5年后", "2028", "year"),
                   ("3个月前", "2023-01", "month"), ("两个月后", "2023-06", "month"), ("半年前", "2022-10", "month"),
                   ("三天前", "2023-04-20", "day"), ("5天后", "2023-04-28", "day"), ("两周前", "2023-W14", "week"),
                   ("一年半前", "2021-10", "month"), ("兩年前", "2021", "year"), ("三年後", "2026", "year")]:
    add(text, R, "date", v, g)
for text, v, g in [("一两年后", "2024/2025", "year"), ("十几年前", "2004/2012", "year"), ("两三年前", "2020/2021", "year"),
                   ("三四个月前", "2022-12/2023-01", "month")]:
    add(text, R, "interval", v, g, "APPROX")
for text, v in [("近一年", "2022-04-24/2023-04-23"), ("过去三年", "2020-04-24/2023-04-23"), ("近三个月", "2023-01-24/2023-04-23"),
                ("过去一周", "2023-04-17/2023-04-23"), ("未来两年", "2023-04-23/2025-04-23"), ("未来5~10年", "2023-04-23/2033-04-23"),
                ("未来三年内", "2023-04-23/2026-04-23"), ("今后五年", "2023-04-23/2028-04-23"), ("最近一个月", "2023-03-24/2023-04-23")]:
    add(text, R, "interval", v, "day")

# --- narrative time
N = "2012年10月，他从谷歌离职，回国创业。"
for word, v, g, mod in [("彼时", "2012-10", "month", ""), ("当时", "2012-10", "month", ""), ("随后", "2012-10", "month", "AFTER"),
                        ("此后", "2012-10", "month", "AFTER"), ("同年", "2012", "year", ""), ("当年", "2012", "year", ""),
                        ("次年", "2013", "year", ""), ("翌年", "2013", "year", ""), ("同年12月", "2012-12", "month", ""),
                        ("次年3月", "2013-03", "month", ""), ("三年后", "2015", "year", ""), ("当月", "2012-10", "month", "")]:
    add(N + word + "，他拿到了第一笔融资。", R, "date", v, g, mod, word)
add("2015年3月5日，公司成立。当天，团队举行了庆祝。", R, "date", "2015-03-05", "day", "", "当天")
add("2015年3月5日，公司成立。次日，产品上线。", R, "date", "2015-03-06", "day", "", "次日")
add("2019年，他加入公司。同年10月，公司上市。", R, "date", "2019-10", "month", "", "同年10月")
add("他于1998年加入公司，3年后升任总监，次年出任副总裁。", R, "date", "2002", "year", "", "次年")
add("他于1998年加入公司，3年后升任总监。", R, "date", "2001", "year", "", "3年后")

# --- holidays and the lunisolar calendar (reference 2023-04-23: the latest past occurrence)
for text, v in [("春节", "2023-01-22"), ("除夕", "2023-01-21"), ("元宵节", "2023-02-05"), ("清明", "2023-04-05"), ("清明节", "2023-04-05"),
                ("端午节", "2022-06-03"), ("七夕", "2022-08-04"), ("中秋节", "2022-09-10"), ("重阳节", "2022-10-04"),
                ("元旦", "2023-01-01"), ("劳动节", "2022-05-01"), ("五一期间", "2022-05-01"), ("国庆节", "2022-10-01"), ("国庆", "2022-10-01"),
                ("双十一", "2022-11-11"), ("双11", "2022-11-11"), ("618大促", "2022-06-18"), ("圣诞节", "2022-12-25"),
                ("情人节", "2023-02-14"), ("母亲节", "2022-05-08"), ("感恩节", "2022-11-24"), ("2021年春节", "2021-02-12"),
                ("2024年春节", "2024-02-10"), ("去年春节", "2022-02-01"), ("去年中秋", "2022-09-10"), ("明年元旦", "2024-01-01"),
                ("农历正月初一", "2023-01-22"), ("2023年腊月二十三", "2024-02-02"), ("2022年农历八月十五", "2022-09-10"),
                ("春节后第二天", "2023-01-23"), ("國慶節", "2022-10-01"), ("去年聖誕節", "2022-12-25"), ("2020年除夕", "2021-02-11"),
                ("复活节", "2023-04-09"), ("2019年端午节", "2019-06-07"), ("教师节", "2022-09-10")]:
    add(text, R, "date", v, "day", "", "618" if text == "618大促" else ("五一" if text == "五一期间" else ""))
add("国庆前夕", R, "date", "2022-09-30", "day", "APPROX")
add("公司将在中秋节推出新品。", R, "date", "2023-09-29", "day", "", "中秋节")
add("春节将至。", "2023-01-10", "date", "2023-01-22", "day", "", "春节")

# --- holidays by rule (fixed date, n-th weekday, Western and Orthodox Easter), the day after a
# holiday (翌日, 次日), and a Traditional spelling (ref 2023-04-23: the latest past occurrence)
for text, v in [("情人节", "2023-02-14"), ("圣瓦伦丁节", "2023-02-14"), ("妇女节", "2023-03-08"), ("植树节", "2023-03-12"),
                ("愚人节", "2023-04-01"), ("万圣节", "2022-10-31"), ("平安夜", "2022-12-24"), ("圣诞", "2022-12-25"),
                ("父亲节", "2022-06-19"), ("复活节星期一", "2023-04-10"), ("耶稣受难日", "2023-04-07"),
                ("圣灰星期三", "2023-02-22"), ("棕枝主日", "2023-04-02"), ("五旬节", "2022-06-05"),
                ("东正教复活节", "2023-04-16"), ("东正教复活节星期一", "2023-04-17"), ("东正教耶稣受难日", "2023-04-14"),
                ("東正教聖週六", "2023-04-15"), ("拉匝路周六", "2023-04-08"), ("东正教棕枝主日", "2023-04-09"),
                ("耶稣受难日翌日", "2023-04-08"), ("春节次日", "2023-01-23"), ("国庆节次日", "2022-10-02"),
                ("黑色星期六", "2023-04-08"), ("正月朔日", "2023-01-22"), ("老闆節", "2022-10-16"),
                ("2013年东正教复活节", "2013-05-05"), ("2013年复活节", "2013-03-31"), ("2024年母亲节", "2024-05-12"),
                ("2021年感恩节", "2021-11-25"), ("2019年父亲节", "2019-06-16")]:
    add(text, R, "date", v, "day")
    add(f"{text}，市民纷纷出门游玩。", R, "date", v, "day", "", text)
add("公司将在感恩节推出新品。", R, "date", "2023-11-23", "day", "", "感恩节")
add("东正教复活节将至。", "2023-04-01", "date", "2023-04-16", "day", "", "东正教复活节")

# --- a reference known only to its year (or month) fixes the year of underspecified dates
for text, rf, v, g in [("教师节", "2021", "2021-09-10", "day"), ("国庆", "2020", "2020-10-01", "day"),
                       ("12月9日", "2021", "2021-12-09", "day"), ("元宵节", "2021", "2021-02-26", "day"),
                       ("腊月初十", "2022", "2023-01-01", "day"), ("7月4日", "2021", "2021-07-04", "day"),
                       ("芒种", "2021-05", "2021-06-05", "day"), ("12月", "2021-05", "2021-12", "month"),
                       ("6月上旬", "2021", "2021-06-01/2021-06-10", "day"), ("12月30号", "1837", "1837-12-30", "day")]:
    add(text, rf, "interval" if "/" in v else "date", v, g)

# --- parts of a unit with 前: by its end (年底前 = ON_OR_BEFORE the year), before its start
for text, v, g, mod, m in [("年底前", "2023", "year", "ON_OR_BEFORE", ""), ("月底前", "2023-04", "month", "ON_OR_BEFORE", ""),
                           ("2024年底之前", "2024", "year", "ON_OR_BEFORE", ""), ("2025年年底以前", "2025", "year", "ON_OR_BEFORE", ""),
                           ("公司计划在年底前完成改造。", "2023", "year", "ON_OR_BEFORE", "年底前"),
                           ("项目须于2024年底前竣工。", "2024", "year", "ON_OR_BEFORE", "2024年底前"),
                           ("2026年初之前", "2026", "year", "BEFORE", "")]:
    add(text, R, "date", v, g, mod, m)

# --- a month count after a window word (近三月 = 近三个月), one-hour day parts, 后半夜
for text, typ, v, g, m in [("近三月", "interval", "2023-01-24/2023-04-23", "day", ""),
                           ("近两月", "interval", "2023-02-24/2023-04-23", "day", ""),
                           ("近三月以来，销量持续上升。", "interval", "2023-01-24/2023-04-23", "day", "近三月"),
                           ("当日午夜", "time", "2023-04-23T00", "hour", ""), ("昨天午夜", "time", "2023-04-22T00", "hour", ""),
                           ("前天后半夜", "interval", "2023-04-21T00/2023-04-21T04", "hour", ""),
                           ("昨天后半夜3点", "time", "2023-04-22T03", "hour", ""),
                           ("昨天前半夜", "interval", "2023-04-22T20/2023-04-22T23", "hour", "")]:
    add(text, R, typ, v, g, "", m)

# --- positions inside a year: 首月, 第N个月, 后N个月, 第N天
for text, typ, v, g in [("2005年首月", "date", "2005-01", "month"), ("1970年第8个月", "date", "1970-08", "month"),
                        ("二零二一年后三月", "date", "2021-Q4", "quarter"), ("2021年后六个月", "date", "2021-H2", "half"),
                        ("2020年后两个月", "interval", "2020-11/2020-12", "month"),
                        ("2025年第一天早上8点半", "time", "2025-01-01T08:30", "minute"),
                        ("2023年第十天", "date", "2023-01-10", "day"), ("2024年第100天", "date", "2024-04-09", "day"),
                        ("去年第一天", "date", "2022-01-01", "day")]:
    add(text, R, typ, v, g)
    add(f"据统计，{text}，共有三家公司上市。", R, typ, v, g, "", text)

# --- bounds and ranges
for text, v, g, mod in [("2020年之前", "2020", "year", "BEFORE"), ("2020年以前", "2020", "year", "BEFORE"), ("2017年前", "2017", "year", "BEFORE"),
                        ("2019年之后", "2019", "year", "AFTER"), ("2019年以后", "2019", "year", "AFTER"), ("2019年以来", "2019", "year", "ON_OR_AFTER"),
                        ("2019年起", "2019", "year", "ON_OR_AFTER"), ("2019年3月起", "2019-03", "month", "ON_OR_AFTER"),
                        ("截至2022年底", "2022", "year", "ON_OR_BEFORE"), ("截至3月31日", "2023-03-31", "day", "ON_OR_BEFORE"),
                        ("截止2021年6月", "2021-06", "month", "ON_OR_BEFORE"), ("2020年左右", "2020", "year", "APPROX"),
                        ("2021年前后", "2021", "year", "APPROX")]:
    add(text, R, "date", v, g, mod)
for text, v, g in [("2019–2020", "2019/2020", "year"), ("2019-2020年", "2019/2020", "year"), ("2017年8月至11月", "2017-08/2017-11", "month"),
                   ("从2018年到2020年", "2018/2020", "year"), ("2018年至2020年", "2018/2020", "year"), ("2019年至今", "2019/2023-04-23", "year"),
                   ("2017年8月11日至8月22日", "2017-08-11/2017-08-22", "day"), ("2019年1-5月", "2019-01/2019-05", "month"),
                   ("2019年4月12-19日", "2019-04-12/2019-04-19", "day"), ("2017年五月至2018年四月", "2017-05/2018-04", "month"),
                   ("从去年9月到今年3月", "2022-09/2023-03", "month")]:
    add(text, R, "interval", v, g)
add("2019、2020年，公司营收增长。", R, "date", "2019", "year", "", "2019")
add("2019、2020年，公司营收增长。", R, "date", "2020", "year", "", "2020年")

# --- durations
for text, v, g, mod in [("5年内", "P5Y", "year", ""), ("两个月", "P2M", "month", ""), ("十几年", "P11Y/P19Y", "year", "APPROX"),
                        ("半年", "P6M", "month", ""), ("一个多月", "P1M", "month", "APPROX"), ("三天", "P3D", "day", ""),
                        ("两周", "P14D", "week", ""), ("一个半小时", "PT90M", "minute", ""), ("3个小时", "PT3H", "hour", ""),
                        ("十分钟", "PT10M", "minute", ""), ("5~10年", "P5Y/P10Y", "year", "APPROX"), ("五到十年", "P5Y/P10Y", "year", "APPROX"),
                        ("三四年", "P3Y/P4Y", "year", "APPROX"), ("一两年", "P1Y/P2Y", "year", "APPROX"), ("两年半", "P30M", "month", ""),
                        ("20多年", "P20Y", "year", "APPROX"), ("30秒", "PT30S", "second", ""), ("两年零三个月", "P27M", "month", ""),
                        ("1小时30分钟", "PT90M", "minute", ""), ("十年", "P10Y", "year", ""), ("8个季度", "P24M", "month", ""),
                        ("3年以上", "P3Y", "year", "MORE_THAN"), ("半个月", "P15D", "day", ""), ("兩個月", "P2M", "month", ""),
                        ("一星期", "P7D", "week", ""), ("24小时", "PT24H", "hour", ""), ("三个工作日", "P3D", "day", ""),
                        ("3年以上7年以下", "P3Y/P7Y", "year", "APPROX"), ("五点五分钟", "PT330S", "second", ""),
                        ("1.5小时", "PT90M", "minute", "")]:
    add(text, R, "duration", v, g, mod)

# --- times of day (ref 2023-04-23)
for text, v, g in [("下午3点", "2023-04-23T15", "hour"), ("下午三点", "2023-04-23T15", "hour"), ("15:30", "2023-04-23T15:30", "minute"),
                   ("凌晨2点", "2023-04-23T02", "hour"), ("晚上8点半", "2023-04-23T20:30", "minute"), ("今晚8点", "2023-04-23T20", "hour"),
                   ("昨天下午3点", "2023-04-22T15", "hour"), ("2023年4月20日上午10点", "2023-04-20T10", "hour"),
                   ("上午9点15分", "2023-04-23T09:15", "minute"), ("中午12点", "2023-04-23T12", "hour"), ("晚上十点", "2023-04-23T22", "hour"),
                   ("明天上午10:30", "2023-04-24T10:30", "minute"), ("2019-05-27 09:36:46", "2019-05-27T09:36:46", "second"),
                   ("8点整", "2023-04-23T08", "hour"), ("下午3:15", "2023-04-23T15:15", "minute")]:
    add(text, R, "time", v, g)
add("凌晨", R, "interval", "2023-04-23T00/2023-04-23T05", "hour")
add("半夜11点", R, "time", "2023-04-23T23", "hour")
add("夜里12点", R, "time", "2023-04-24T00", "hour")
add("今天下午1点到3点十分", R, "interval", "2023-04-23T13:00/2023-04-23T15:10", "minute")
add("前天中午到明天晚上", R, "interval", "2023-04-21T12/2023-04-24T23", "hour")
add("这个月前两天", R, "interval", "2023-04-01/2023-04-02", "day")
add("本周后两天", R, "interval", "2023-04-22/2023-04-23", "day")
add("三个多月以来", R, "interval", "2023-01-01/2023-04-23", "day")
add("这周末", R, "interval", "2023-04-22/2023-04-23", "day")
add("下周末", R, "interval", "2023-04-29/2023-04-30", "day")
add("今明两天", R, "interval", "2023-04-23/2023-04-24", "day")
add("明天下午七八点", R, "interval", "2023-04-24T19/2023-04-24T20", "hour")
add("上午9~11点半", R, "interval", "2023-04-23T09:00/2023-04-23T11:30", "minute")
add("今明两年", R, "interval", "2023/2024", "year")
add("明后两天", R, "interval", "2023-04-24/2023-04-25", "day")
add("昨（15）日，公司召开发布会。", "2023-04-16", "date", "2023-04-15", "day", "", "昨（15）日")
add("今（16）日", "2023-04-16", "date", "2023-04-16", "day")

# --- English month names inside Chinese text
for text, v, g, m in [("April 2023", "2023-04", "month", ""), ("Apr. 20, 2023", "2023-04-20", "day", ""), ("March 2021", "2021-03", "month", ""),
                      ("该公司于April 2023发布了GPT-4。", "2023-04", "month", "April 2023"), ("Sept. 5, 2019", "2019-09-05", "day", ""),
                      ("December 1, 2020", "2020-12-01", "day", ""), ("20 April 2023", "2023-04-20", "day", ""),
                      ("发布于 5 Sept. 2019 的报告", "2019-09-05", "day", "5 Sept. 2019")]:
    add(text, R, "date", v, g, "", m)

# --- spaced notation of some sites, and what a 从/由 without a range leaves out
for text, v, g, m in [("> 4 月 20 日消息", "2023-04-20", "day", "4 月 20 日"), ("在 2020 年 8 月加入", "2020-08", "month", "2020 年 8 月"),
                      ("收入从2020年的18.2亿元增长", "2020", "year", "2020年"), ("与白鸦在2020年内部信中", "2020", "year", "2020年"),
                      ("2024年内完成", "2024", "year", "2024年内")]:
    add(text, R, "date", v, g, "", m)

# --- sets
for text, v, g in [("每年", "P1Y", "year"), ("每月", "P1M", "month"), ("每天", "P1D", "day"), ("每周三", "P7D", "day"), ("每隔3天", "P3D", "day")]:
    add(text, R, "set", v, g)

# --- shifts with 过/再过 (from the shifted point on), business days, half units, clock bounds
for text, typ, v, g, m, match in [
        ("过两天", "date", "2023-04-25", "day", "ON_OR_AFTER", ""),
        ("过三天再说", "date", "2023-04-26", "day", "ON_OR_AFTER", "过三天"),
        ("我们过两天再来", "date", "2023-04-25", "day", "ON_OR_AFTER", "过两天"),
        ("再过半个小时", "time", "2023-04-23T00:30", "minute", "ON_OR_AFTER", ""),
        ("再过两个小时", "time", "2023-04-23T02", "hour", "ON_OR_AFTER", ""),
        ("再过一周", "date", "2023-W17", "week", "ON_OR_AFTER", ""),
        ("过十周", "date", "2023-W26", "week", "ON_OR_AFTER", ""),
        ("过两天后", "date", "2023-04-25", "day", "ON_OR_AFTER", ""),
        ("再过三年", "date", "2026", "year", "ON_OR_AFTER", ""),
        ("他在那里住过两天", "duration", "P2D", "day", "", "两天"),
        ("他工作过三年", "duration", "P3Y", "year", "", "三年"),
        ("经过两天的努力", "duration", "P2D", "day", "", "两天"),
        ("超过两天", "duration", "P2D", "day", "", "两天"),
        ("5个交易日之后", "date", "2023-04-28", "day", "ON_OR_AFTER", ""),
        ("5个交易日后", "date", "2023-04-28", "day", "", ""),
        ("3个工作日后", "date", "2023-04-26", "day", "", ""),
        ("10个工作日内", "duration", "P14D", "day", "", ""),
        ("15个工作日", "duration", "P21D", "day", "", ""),
        ("两个半月前", "date", "2023-02-08", "day", "", ""),
        ("两个半月以前", "date", "2023-02-08", "day", "ON_OR_BEFORE", ""),
        ("十个半月后", "date", "2024-03-09", "day", "", ""),
        ("一年半后", "date", "2024-10", "month", "", ""),
        ("三年半前", "date", "2019-10", "month", "", ""),
        ("今晚八点以后", "time", "2023-04-23T20", "hour", "ON_OR_AFTER", ""),
        ("下午3点以后", "time", "2023-04-23T15", "hour", "ON_OR_AFTER", ""),
        ("晚上八点以前", "time", "2023-04-23T20", "hour", "BEFORE", ""),
        ("七载春秋", "duration", "P7Y", "year", "", "七载"),
        ("十载", "duration", "P10Y", "year", "", ""),
        ("去年暑假", "interval", "2022-07/2022-08", "month", "", ""),
        ("今年暑假期间", "interval", "2023-07/2023-08", "month", "", "今年暑假"),
        ("2020年寒假", "interval", "2020-01/2020-02", "month", "", ""),
        ("中国国庆节", "date", "2022-10-01", "day", "", "国庆节"),
        ("西方情人节", "date", "2023-02-14", "day", "", "情人节"),
        ("美国感恩节", "date", "2022-11-24", "day", "", "感恩节"),
        ("农历元宵", "date", "2023-02-05", "day", "", ""),
        ("农历元宵节", "date", "2023-02-05", "day", "", ""),
        ("2018年大斋期", "interval", "2018-02-14/2018-03-31", "day", "", ""),
        ("2018年四旬期", "interval", "2018-02-14/2018-03-31", "day", "", ""),
        ("2018年四旬节", "interval", "2018-02-19/2018-03-30", "day", "", ""),
        ("2019年大斋首日", "date", "2019-03-06", "day", "", ""),
]:
    add(text, R, typ, v, g, m, match)

out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data", "time_cases.tsv")
with open(out, "w", encoding="utf-8") as f:
    f.write("# Generated by scripts/gen_time_cases.py: text, reference date, expected type, value, grain, mod, matched text\n")
    f.write("text\tref\ttype\tvalue\tgrain\tmod\tmatch\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print(len(rows), "cases")
