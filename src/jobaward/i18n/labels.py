"""Words shown to people, in Korean (the default) and English, and parsing of the same words."""

from __future__ import annotations

from typing import NamedTuple

from jobaward.i18n.folding import compact
from jobaward.model import CATEGORIES, DO_GUN, DO_SI, GRADES, LEVELS, METRO_GU_GUN, NATIONAL, REGIONAL, Government

#: the surveys' names in English (the Korean name is the survey's key)
SURVEY_EN = {REGIONAL: "Local Area Labour Force Survey", NATIONAL: "Economically Active Population Survey"}


def survey_name(survey: str, english: bool) -> str:
    """지역별고용조사, or its English name; a survey not known here as it is."""
    return SURVEY_EN.get(survey, survey) if english else survey


CATEGORY_EN = {
    "공시제": "Job Target Disclosure",
    "우수사업": "Best Project",
    "경진대회:지역맞춤형": "Project Contest: Local Jobs",
    "경진대회:사회적기업": "Project Contest: Social Enterprise",
    "경진대회": "Project Contest",
}
GRADE_EN = {
    "종합대상": "Overall Grand Prize",
    "대상": "Grand Prize",
    "최우수상": "Top Excellence Award",
    "우수상": "Excellence Award",
    "특별상": "Special Prize",
}
LEVEL_EN = {"광역": "provincial", "기초": "municipal"}
#: --kind: what a user may type for each kind of 기초 (model.KINDS): the short form first, then the
#: Korean long forms, English words and the id (as in JSON's ``peers``).
KIND_WORDS = {
    DO_SI: ("시", "도의 시", "city", DO_SI),
    DO_GUN: ("군", "도의 군", "county", DO_GUN),
    METRO_GU_GUN: ("구", "특·광역시 자치구·군", "자치구·군", "자치구", "district", METRO_GU_GUN),
}
#: One mark per grade for the `show` timeline (explained by its legend); "" is a grade not given.
GRADE_MARK = {"종합대상": "종", "대상": "대", "최우수상": "최", "우수상": "우", "특별상": "특", "": "수"}
GRADE_MARK_EN = {"종합대상": "O", "대상": "G", "최우수상": "T", "우수상": "E", "특별상": "S", "": "W"}
NO_AWARD_MARK = "-"
INDICATOR_EN = {
    "취업자수": "Employed persons",
    "고용률": "Employment rate",
    "여성 고용률": "Female employment rate",
    "청년 고용률": "Youth employment rate",
    "상용근로자수": "Regular employees",
    "고용보험 피보험자수": "Employment insurance holders",
    "일자리 목표 달성률": "Job target achievement",
    "일자리 창출": "Jobs created",
    "일자리 창출 목표": "Job creation target",
    "일자리 창출 실적": "Jobs created against target",
    "고용률 증감": "Employment rate change",
    "실업률 증감": "Unemployment rate change",
    "실업률": "Unemployment rate",
    "취업자수 증감": "Change in employed persons",
    "상용근로자수 증감": "Change in regular employees",
    "고용보험 피보험자수 증감": "Change in employment insurance holders",
    "여성 고용률 증감": "Female employment rate change",
    "청년 고용률 증감": "Youth employment rate change",
    "고용서비스": "Employment services",
    "고용장려금": "Employment subsidies",
    "내일채움공제 고용유지 인원": "Workers retained (Tomorrow Filling Deduction)",
    "맞춤형 일자리 제공": "Tailored jobs provided",
    "워케이션 근무지": "Workation sites",
    "일자리 목표 대비 실적": "Jobs against target",
    "일자리 전담 조직 인력": "Staff of the job organisation",
    "재정지원 일자리 목표 달성률": "Publicly funded jobs: target achievement",
    "재정지원 일자리 창출": "Publicly funded jobs created",
    "정규직 일자리 창출": "Permanent jobs created",
    "지역혁신사업(RIS) 규모": "Regional innovation programme (RIS) size",
    "직·간접 공공일자리 창출": "Direct and indirect public jobs created",
    "직업능력개발훈련": "Vocational training",
    "직접일자리 창출": "Direct jobs created",
    "창업지원 및 일자리 인프라": "Start-up support and job infrastructure",
    "투자유치 금액": "Investment attracted",
    "투자유치 신규 일자리": "New jobs from investment attracted",
    "경영·판로 지원 기업": "Firms given management and sales support",
    "고용률 목표": "Employment rate target",
    "기업 유치 신규 일자리": "New jobs from firms attracted",
    "상담지원": "Counselling support",
    "시작품·시제품 제작 지원 기업": "Firms given prototype support",
    "연구인력 지원 기업": "Firms given research staff support",
    "창업 지원 인원": "People given start-up support",
    "취업연계": "Job placements",
}
#: Qualifiers in parentheses after an indicator's name.
QUALIFIER_EN = {
    "15~64세": "age 15-64",
    "OECD 기준": "OECD basis",
    "민선 7기 이후 누계": "cumulative since 2018",
    "취직사회책임제": "job responsibility scheme",
    "우수사업": "flagship project",
    "투자유치": "investment attraction",
    "군산고용위기 종합지원센터": "Gunsan employment crisis centre",
}
#: Half-years in a period ('2021 하반기' → '2021 H2').
PERIOD_EN = {"상반기": "H1", "하반기": "H2"}
#: How benchmark labels start (the rest, such as "(2021)", is kept).
BENCHMARK_EN = {"전국 평균": "national average", "일자리 목표": "job target"}
#: Unit suffixes in English: counts of people and things read as bare numbers.
UNIT_EN = {"명": "", "개": "", "개소": " sites"}
#: English for each honour in model.HONORS (the data holds one spelling each).
HONOR_EN = {
    "대통령상": "Presidential Award",
    "국무총리상": "Prime Minister's Award",
    "고용노동부장관상": "Minister of Employment and Labor's Award",
    "고용노동부장관 표창": "Minister of Employment and Labor's Commendation",
    "기관표창": "Institutional Commendation",
    "우수기관 표창": "Excellent Institution Commendation",
    "우수기관": "Excellent Institution",
}

UI: dict[str, tuple[str, str]] = {
    "year": ("연도", "Year"),
    "government": ("지자체", "Government"),
    "province": ("시도", "Province"),
    "level": ("구분", "Level"),
    "category": ("부문", "Category"),
    "grade": ("등급", "Grade"),
    "honor": ("훈격", "Honor"),
    "incentive": ("인센티브", "Incentive"),
    "project": ("사업명", "Project"),
    "note": ("비고", "Note"),
    "indicator": ("지표", "Indicator"),
    "before": ("이전", "Before"),
    "after": ("이후", "After"),
    "change": ("증감", "Change"),
    "percent": ("증감률", "Change %"),
    "change_percent": ("증감 (증감률)", "Change (%)"),
    "benchmark": ("비교 기준", "Benchmark"),
    "size": ("크기", "Size"),
    "source": ("출처", "Source"),
    "sources": ("출처", "Sources"),
    "awards": ("수상 내역", "Awards"),
    "indicators": ("고용 지표", "Employment indicators"),
    "name_en": ("영문 이름", "English name"),
    "former_names": ("이전 이름", "Former names"),
    "established": ("출범", "Established"),
    "abolished": ("폐지", "Abolished"),
    "successors": ("승계 지자체", "Succeeded by"),
    "predecessors": ("이전 지자체", "Formed from"),
    "streak": ("연속 수상", "Award streak"),
    "total_incentive": ("인센티브 합계", "Total incentive"),
    "no_awards": ("수상 기록 없음", "no awards recorded"),
    "no_indicators": ("고용 지표 없음", "no indicators recorded"),
    "no_results": ("조건에 맞는 수상 기록이 없습니다.", "No awards match."),
    "no_indicator_rows": ("조건에 맞는 지표가 없습니다.", "No indicators match."),
    "date_unknown": ("날짜 미상", "date unknown"),
    "timeline": ("연도별 수상", "Awards by year"),
    "coverage_title": (
        "회차별 자료 범위: 시상 기록 대비 보유 기록",
        "Coverage: governments awarded vs held in our data",
    ),
    "edition_number": ("회차", "Edition"),
    "awarded": ("수상 지자체", "Awarded"),
    "prizes": ("시상 수", "Prizes"),
    "year_inferred": ("추정", "est."),
    "superseded": ("(다른 표기)", "(variant)"),
    "held": ("보유", "Held"),
    "records": ("수상 기록", "Records"),
    "share": ("비율", "Share"),
    "coverage_note": (
        "수상 지자체: 회차 기록의 지자체 수(모르면 출처가 주는 범위, 예: 58–68; 그것도 없으면 빈칸; 비율도 같음). "
        "시상 수: 상의 수(두 부문을 함께 받은 "
        "지자체가 있어 더 많을 수 있음). 보유: 자료에 있는 지자체 수. 가을 경진대회(2012~2016)는 세지 않음.",
        "Awarded: governments in the edition's record (if not known, the bounds the sources give, "
        "e.g. 58–68; else blank; the share likewise). "
        "Prizes: awards (more, where a government won in both categories). Held: governments in our "
        "data. The autumn project contest (2012-2016) is not counted.",
    ),
    "awarded_unknown_grade": ("수상", "won"),
    "stats_title": ("{year}년 일자리대상 통계", "Job Awards {year}: statistics"),
    "stats_title_all": ("일자리대상 전체 통계", "Job Awards, all years: statistics"),
    "by_category": ("부문별", "By category"),
    "by_grade": ("등급별", "By grade"),
    "by_province": ("시도별", "By province"),
    "awards_count": ("수상", "Awards"),
    "governments_count": ("지자체 수", "Governments"),
    "unstated": ("(미상)", "(not stated)"),
    "edition_awarded": ("시상 기록상 수상 지자체", "Governments awarded (edition record)"),
    "edition_awarded_unfiltered": (
        "시상 기록상 수상 지자체 (필터와 관계없이 회차 전체)",
        "Governments awarded in the whole edition (filters not applied)",
    ),
    "held_records": ("보유 기록", "Records we hold"),
    "first_time": ("첫 수상 (보유 기록 기준)", "First award (in our records)"),
    "streak_board": ("연속 수상 순위 (전체 연도)", "Longest award streaks (all years)"),
    "incentive_board": ("인센티브 합계 순위 (전체 연도)", "Total incentive (all years)"),
    "rank": ("순위", "Rank"),
    "years_run": ("연속", "Years"),
    "span": ("기간", "Span"),
    "movement": ("변동", "Change"),
    "up": ("상승", "up"),
    "down": ("하락", "down"),
    "same": ("유지", "same"),
    "unclear": ("등급 미상", "grade unknown"),
    "new": ("신규", "new"),
    "gone": ("이번 기록 없음", "not in these records"),
    "years_title": ("{first}년 → {second}년 수상 변화", "Awards {first} → {second}"),
    "years_note": (
        "보유 기록 기준: 기록이 없다고 수상하지 않은 것은 아닙니다.",
        "From the records we hold: a government missing from them may still have won.",
    ),
    "name_then": ("당시", "then"),
    "no_award_year": ("수상 기록 없음", "no award recorded"),
    "awarded_unknown_grade_long": ("수상 (등급 미상)", "won (grade not given)"),
    # the official statistics (통계청 KOSIS) in show, compare and stats
    "official": ("공식 고용통계 (통계청)", "Official employment statistics (Statistics Korea)"),
    "official_changes": (
        "공식 통계: 수상 지자체의 고용률 변화",
        "Official statistics: winners' employment rate change",
    ),
    "period": ("기간", "Period"),
    "age": ("연령", "Age"),
    "rate": ("고용률", "Rate"),
    "employed": ("취업자(천명)", "Employed (000)"),
    "unemployment": ("실업률(%)", "Unemployment (%)"),
    "official_benchmark": ("비교", "Ref."),
    "nation_short": ("전국", "national"),
    "renamed_since": ("{day}부터 {name}.", "Called {name_en} ({name}) since {day}."),
    "gap": ("차이", "Gap"),
    "peers": ("비교군", "Peers"),
    "versus": ("차이", "Diff"),
    "winners": ("수상", "Winners"),
    "others": ("그 외", "Others"),
    "median": ("중앙값", "Median"),
    "high_rse": ("RSE 높음 (표본이 작아 부정확, KOSIS 표시)", "High RSE (small sample; KOSIS marks it imprecise)"),
    "newest_edition": (
        "{year}년 회차: 공식 통계가 평가 기간을 모두 담은 가장 최근 회차. "
        "다른 회차는 --year 연도, 보도 수치만은 --news.",
        "The {year} edition: the newest whose window the official series covers. "
        "Another edition: --year YEAR; news figures only: --news.",
    ),
    "spark_legend": (
        "▲ 아래: 수상 연도의 두 반기 (표의 ▲ 행)",
        "▲ below: both half-years of an award year (rows marked ▲)",
    ),
    "window_before": (
        "기간: 수상 전 평가 기간 (Y−2년 하반기 → Y−1년 하반기; 광역은 연간 Y−2 → Y−1)",
        "Window: the year an edition evaluates, H2 of Y−2 → H2 of Y−1 (provinces: years)",
    ),
    "window_after": (
        "기간: 수상 후 (Y−1년 하반기 → Y+1년 하반기; 광역은 연간 Y−1 → Y+1)",
        "Window: after the award (H2 of Y−1 → H2 of Y+1; provinces: annual Y−1 → Y+1)",
    ),
    "peers_unavailable": (
        "비교군 없음 ({windows}): 그 기간에는 일부 지역만 있어 중앙값을 내지 않습니다 (official status).",
        "No peers ({windows}): only some regions hold that period, so no median (official status).",
    ),
    "benchmark_unavailable": (
        "시·도 추정 없음 ({periods}): 그 기간에는 일부 시군구만 있어 합산하지 않습니다 (official status).",
        "No provincial estimate ({periods}): only some municipalities hold that period (official status).",
    ),
    "peers_note": (
        "증감·비교군·차이는 %p. 비교군: 같은 종류(특·광역시 자치구·군, 도의 시, 도의 군, 시·도) 가운데 "
        "이 회차 수상 기록이 없는 지자체의 같은 기간·같은 연령 증감 중앙값 (N: 그 수).",
        "Changes in %p. Peers: the median change, same window and age group, of the governments of "
        "the same kind (metropolitan districts, provincial cities, provincial counties, provinces) "
        "with no award in this edition in our records (N: how many).",
    ),
    "sample_note": (
        "이 수치는 표본조사의 추정치입니다. 오차 범위: 증감이 같은 종류 비수상 지자체의 "
        "한 기간 변동 중앙값보다 작음 (우연한 변동과 구별되지 않음).",
        "These are sample-survey estimates. Within noise: the change is smaller than the median move "
        "from one period to the next among non-winners of the same kind (not told apart from chance).",
    ),
    "within_noise": ("오차 범위", "within noise"),
    "break_mark": ("경계 변경", "boundary change"),
    "list_province": ("광역 (연간, 경제활동인구조사)", "Provinces (annual, Economically Active Population Survey)"),
    "list_municipal": ("기초 (반기, 지역별고용조사)", "Municipalities (half-yearly, Local Area Labour Force Survey)"),
    "dropped_title": ("공식 통계 전후 비교가 없는 수상 지자체:", "Winners without an official before/after:"),
    "reason_district_not_surveyed": (
        "특·광역시 자치구·군은 2021년 상반기부터 조사",
        "metropolitan districts surveyed only from 2021 H1",
    ),
    "reason_before_series": (
        "평가 기간이 2013년 상반기(조사 시작) 전에 시작",
        "window starts before 2013 H1, when the survey starts",
    ),
    "reason_annual_series_ends": (
        "시·도 연간 계열(경제활동인구조사)이 {last}년까지",
        "the annual provincial series ends in {last}",
    ),
    "reason_series_ends": ("반기 계열이 {last}까지", "the half-yearly series ends at {last}"),
    "reason_not_published": ("기간 양 끝 수치 미공표", "no figure published at one end of the window"),
    "peers_count": ("N", "N"),
    "reason": ("사유", "Reason"),
    "kind": ("종류", "Kind"),
    "kind_sido": ("시·도", "provinces"),
    "kind_metro_gu_gun": ("특·광역시 자치구·군", "metro districts"),
    "kind_do_si": ("도의 시", "provincial cities"),
    "kind_do_gun": ("도의 군", "provincial counties"),
    "interval": ("95% 구간", "95% interval"),
    "interval_note": (
        "95% 구간: 두 집단을 각각 복원추출한 부트스트랩 {n}회 (시드 고정, 매번 같은 결과). "
        "구간이 0을 포함하면 오차 범위.",
        "95% interval: a bootstrap of {n} resamples of each group with replacement (fixed seed, "
        "the same every run). An interval holding 0 is within noise.",
    ),
    "rate_all": ("전체", "15+"),
    "rate_working": ("15–64", "15–64"),
    "rate_youth": ("청년", "15–29"),
    "employed_working": ("취업자15–64", "Emp. 15–64"),
    "employed_all": ("취업자전체", "Emp. 15+"),
    "youth_note": ("청년: 15–29세 고용률 (지역별고용조사).", "15–29: the youth employment rate (same survey)."),
    "employed_note": ("취업자: 천명.", "Employed: thousands."),
    "all_ages_mark": (
        "15–64세 고용률이 공표되지 않은 기간: 전체 연령(15세 이상) 고용률.",
        "15–64 rate not published for the window: the all-ages (15+) rate.",
    ),
    "rse_mark": (
        "RSE 높음: 표본이 작아 추정치의 상대표준오차가 큽니다 (KOSIS 표시).",
        "High RSE: a small sample; KOSIS marks the estimate as imprecise.",
    ),
    "unemployment_note": (
        "실업률: 15세 이상 전체, 연간 (경제활동인구조사).",
        "Unemployment: all ages (15+), annual (Economically Active Population Survey).",
    ),
    "benchmark_note": (
        "비교: {place}의 같은 반기·같은 연령 고용률, 같은 조사(지역별고용조사)의 시군구 수치를 "
        "인구(취업자÷고용률)로 가중해 합산한 추정 (시군구 합산 추정; 공표치 아님). 차이: %p.",
        "Ref.: {place}, same half-year and age group, summed from the same survey's "
        "municipal figures weighted by population (employed ÷ rate): an estimate, not a published "
        "figure. Gap: %p.",
    ),
    "benchmark_note_nation": (
        "비교: 같은 해·같은 연령 전국 고용률 (같은 조사, 경제활동인구조사). 차이: %p.",
        "Ref.: the nation, same year and age group, same survey. Gap: %p.",
    ),
    "age_note": (
        "연령: 전체(15세 이상)는 2013년부터, 15–64세는 2017년 하반기부터 공표. 두 연령의 수치는 "
        "나란히 둘 뿐, 서로 섞어 증감을 내지 않습니다.",
        "Ages: all ages (15+) from 2013, 15–64 from 2017 H2; shown side by side, never mixed in a change.",
    ),
    "breaks_note": ("경계 변경:", "Boundary changes:"),
    "break_merged": ("{day} {detail} 통합", "{day} {detail} merged in"),
    "break_moved": ("{day} 소속 변경 {detail}", "{day} moved {detail}"),
    "absorbed": ("다른 단위의 계열 (섞지 않음):", "Series of other units here (not blended in):"),
    "news": ("보도 수치 (언론 보도, 공식 통계 아님)", "Figures as reported in the news (not official statistics)"),
    "summary": (
        "공식 통계: 수상 지자체와 같은 종류 비수상 지자체의 고용률 증감 (중앙값, %p)",
        "Official statistics: winners and non-winners of the same kind, median change (%p)",
    ),
    "caveat": (
        "이 표는 서술일 뿐, 수상이 고용률을 바꿨다는 증거가 아닙니다. "
        "수상 지자체는 이 데이터에 기록된 곳만이며 (기록 비율: stats --coverage), "
        "'그 외'에는 기록되지 않은 수상 지자체도 섞여 있습니다. "
        "수치는 표본조사의 추정치여서, 작은 시군의 1년 변화는 오차 범위 안일 수 있습니다.",
        "This describes; it does not show that an award changed anything. "
        "Winners are those this data records (see stats --coverage), so 'others' "
        "includes winners it does not record. The figures are sample-survey estimates: a small "
        "county's one-year change may be within its error.",
    ),
}


class Labels(NamedTuple):
    lang: str = "ko"

    @property
    def english(self) -> bool:
        return self.lang == "en"

    def ui(self, key: str) -> str:
        korean, english = UI[key]
        return english if self.english else korean

    def category(self, value: str) -> str:
        return CATEGORY_EN.get(value, value) if self.english else value

    def grade(self, value: str) -> str:
        return GRADE_EN.get(value, value) if self.english else value

    def level(self, value: str) -> str:
        return LEVEL_EN.get(value, value) if self.english else value

    def honor(self, value: str) -> str:
        """English for an honour of the vocabulary; one not on record stays whole in Korean."""
        return HONOR_EN.get(value, value) if self.english else value

    def indicator(self, name: str) -> str:
        """English for the known indicators ('고용률 (15~64세)': 'Employment rate (age 15-64)').

        A name with a part we cannot translate stays whole in Korean, never half translated.
        """
        if not self.english:
            return name
        if name in INDICATOR_EN:
            return INDICATOR_EN[name]
        base, _, rest = name.partition(" (")
        qualifier = QUALIFIER_EN.get(rest.removesuffix(")"))
        if base in INDICATOR_EN and qualifier is not None:
            return f"{INDICATOR_EN[base]} ({qualifier})"
        return name

    def period(self, period: str) -> str:
        """'2021 하반기' → '2021 H2' in English; other periods (2021, 2022-12) are the same in both."""
        if not self.english:
            return period
        for korean, english in PERIOD_EN.items():
            period = period.replace(korean, english)
        return period

    def benchmark(self, label: str) -> str:
        """'전국 평균 (2021)' → 'national average (2021)'; a label we cannot translate stays whole."""
        if not self.english:
            return label
        for korean, english in BENCHMARK_EN.items():
            rest = label.removeprefix(korean)
            if rest != label and (not rest or rest.startswith(" (")):
                return english + rest
        return label

    def unit(self, unit: str) -> str:
        return UNIT_EN.get(unit, unit) if self.english else unit

    def name(self, gov: Government) -> str:
        return gov.name_en if self.english else gov.name

    def name_then(self, name: str) -> str:
        return f"({self.ui('name_then')} {name})"

    def counted(self, n: int, what: str) -> str:
        korean = {"awards": f"수상 {n:,}건", "indicators": f"지표 {n:,}개"}[what]
        english = {
            "awards": f"{n:,} award{'s' if n != 1 else ''}",
            "indicators": f"{n:,} indicator{'s' if n != 1 else ''}",
        }[what]
        return english if self.english else korean

    def grade_or_none(self, grade: str | None) -> str:
        """A grade in a year's cell: the grade, '수상' when a source gave none, '-' for no award."""
        if grade is None:
            return NO_AWARD_MARK
        return self.grade(grade) if grade else self.ui("awarded_unknown_grade")

    def grade_mark(self, grade: str | None) -> str:
        """A grade in the timeline: one mark (최우수상 → 최), or '-' for no award."""
        if grade is None:
            return NO_AWARD_MARK
        return (GRADE_MARK_EN if self.english else GRADE_MARK).get(grade, grade)

    def mark_legend(self, grades: set[str | None]) -> str:
        """'최 최우수상 · 특 특별상 · - 수상 기록 없음' for the marks a timeline uses."""
        marks = GRADE_MARK_EN if self.english else GRADE_MARK
        items = [
            f"{mark} {self.grade(g) if g else self.ui('awarded_unknown_grade_long')}"
            for g, mark in marks.items()
            if g in grades
        ]
        if None in grades:
            items.append(f"{NO_AWARD_MARK} {self.ui('no_award_year')}")
        return " · ".join(items)

    def years(self, n: int) -> str:
        return f"{n} years in a row" if self.english else f"{n}년 연속"


def parse_term(text: str, korean_terms: tuple[str, ...], english: dict[str, str]) -> str | None:
    """The Korean term ``text`` names, in Korean or English, any case; None when it names none."""
    wanted = compact(text)
    for term in korean_terms:
        if wanted in (compact(term), compact(english.get(term, term))):
            return term
    return None


def parse_category(text: str) -> str | None:
    return parse_term(text, CATEGORIES, CATEGORY_EN)


def parse_grade(text: str) -> str | None:
    return parse_term(text, GRADES, GRADE_EN)


def parse_level(text: str) -> str | None:
    return parse_term(text, LEVELS, LEVEL_EN)


def parse_kind(text: str) -> str | None:
    """A kind of 기초 (model.KINDS) from the short form (군), a long form (도의 군, 자치구), English
    (county) or its id (do_gun)."""
    wanted = compact(text)
    return next((kind for kind, words in KIND_WORDS.items() if wanted in {compact(w) for w in words}), None)
