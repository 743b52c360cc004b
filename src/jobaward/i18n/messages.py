"""Every message a person reads, keyed, in Korean and English: the one catalogue.

An error is raised with a key and the values its message names; the CLI picks the language
(i18n/language.py) only when it prints it. No error text is written inline:
tests/test_hostile.py checks that every error, problem and note names a key here.
"""

from __future__ import annotations

import errno
import re
from typing import NamedTuple

#: key → (Korean, English); ``{name}`` fields are filled from the error's values.
MESSAGES: dict[str, tuple[str, str]] = {
    # names
    "no_name": (
        "이름이 없습니다: 지자체 이름을 입력하세요 (예: 강릉시)",
        "no name given: type a government's name, e.g. 강릉시",
    ),
    "name_too_long": (
        "이름이 너무 깁니다 ({length}자): 그런 이름의 지자체는 없습니다",
        "name too long ({length} characters): no government has such a name",
    ),
    "no_government": ("'{name}'(이)라는 지자체가 없습니다.", "no government called '{name}'."),
    "no_government_suggest": (
        "'{name}'(이)라는 지자체가 없습니다. 혹시 이 가운데 하나인가요:",
        "no government called '{name}'. Did you mean:",
    ),
    "ambiguous": (
        "'{name}'에 해당하는 지자체가 {count}곳입니다; 하나를 골라 주세요:",
        "'{name}' matches {count} governments; say which one:",
    ),
    "unknown_province": (
        "알 수 없는 시도 '{value}'; 가능한 값: {valid}",
        "unknown province '{value}'; expected one of: {valid}",
    ),
    # options
    "unknown_language": (
        "알 수 없는 언어 '{value}'; 가능한 값: {valid}",
        "unknown language '{value}'; expected one of: {valid}",
    ),
    "unknown_value": (
        "{option}: 알 수 없는 값 '{value}'; 가능한 값: {valid}",
        "{option}: unknown value '{value}'; expected one of: {valid}",
    ),
    "unknown_indicator": (
        "{option}: 알 수 없는 지표 '{value}'; 있는 지표: {valid}",
        "{option}: unknown indicator '{value}'; known: {valid}",
    ),
    "bad_date": (
        "{option}: 2025-09-30 같은 날짜가 필요합니다, 받은 값: '{value}'",
        "{option}: expected a date like 2025-09-30, got '{value}'",
    ),
    "bad_number": ("{option}: 숫자가 필요합니다, 받은 값: '{value}'", "{option}: expected a number, got '{value}'"),
    "bad_amount": (
        "{option}: 55000000, 5,500만원, 1억 5천만원 같은 금액이 필요합니다, 받은 값: '{value}'",
        "{option}: expected an amount like 55000000, 5,500만원 or 1억 5천만원, got '{value}'",
    ),
    "not_finite": (
        "{option}: 유한한 숫자가 필요합니다 (NaN, 무한대 불가), 받은 값: '{value}'",
        "{option}: expected a finite number (not NaN or infinity), got '{value}'",
    ),
    "bad_url": (
        "{option}: https://… 같은 웹 주소가 필요합니다, 받은 값: '{value}'",
        "{option}: expected a web address like https://…, got '{value}'",
    ),
    "excel_needs_csv": (
        "--excel은 CSV를 씁니다; --format {format}와 함께 쓸 수 없습니다",
        "--excel writes CSV; it does not go with --format {format}",
    ),
    "svg_needs_table": (
        "--svg는 표 화면을 그립니다; --format {format}와 함께 쓸 수 없습니다",
        "--svg draws the table view; it does not go with --format {format}",
    ),
    "csv_export_needs_directory": (
        "--format csv는 섹션마다 파일 하나를 씁니다: --output DIRECTORY를 주세요",
        "--format csv writes one file a section: give --output DIRECTORY",
    ),
    "not_a_directory_export": (
        "--output {path}: 디렉터리가 아닙니다 (csv 내보내기는 섹션마다 파일 하나를 씁니다)",
        "--output {path}: not a directory (csv export writes one file a section)",
    ),
    "not_jobaward_output": (
        "{path}: jobaward가 만든 파일이 아니어서 덮어쓰지 않습니다",
        "{path}: not a file jobaward wrote, so it is not overwritten",
    ),
    "sqlite_export_needs_file": (
        "--format sqlite는 파일 하나를 씁니다: --output FILE을 주세요",
        "--format sqlite writes one file: give --output FILE",
    ),
    "unknown_fields": (
        "--fields: 알 수 없는 필드 {fields}; 가능한 필드: {valid}",
        "--fields: unknown field {fields}; valid fields: {valid}",
    ),
    "no_fields": (
        "--fields: 필드 이름을 쉼표로 나눠 주세요 (예: year,government)",
        "--fields: give field names separated by commas, e.g. year,government",
    ),
    "fields_need_records": (
        "--fields는 json, csv, tsv 출력에만 씁니다",
        "--fields applies to json, csv and tsv output only",
    ),
    "official_with_coverage": (
        "--official과 --coverage는 함께 쓸 수 없습니다",
        "--official and --coverage do not go together",
    ),
    "years_with_official": (
        "--official, --news, --year, --window는 두 회차 비교(compare 2022 2023)와 함께 쓸 수 없습니다",
        "--official, --news, --year and --window are not for comparing two editions",
    ),
    "years_with_filters": (
        "--category, --grade, --province, --level, --kind, --project는 두 회차 비교(compare 2022 2023)와 "
        "함께 쓸 수 없습니다",
        "--category, --grade, --province, --level, --kind and --project are not for comparing two editions",
    ),
    "coverage_with_filters": (
        "--coverage는 --year만 받습니다 (--category, --grade, --province, --level, --kind, --project 없이)",
        "--coverage takes --year only (not --category, --grade, --province, --level, --kind or --project)",
    ),
    "official_with_filters": (
        "stats --official은 필터로 --year, --kind, --level만 받습니다 "
        "(--category, --grade, --province, --project 없이)",
        "stats --official filters by --year, --kind and --level only "
        "(not --category, --grade, --province or --project)",
    ),
    "news_with_official": (
        "--news는 보도 수치만 보여 주므로 --official, --year, --window와 함께 쓸 수 없습니다",
        "--news shows the news figures only; it does not go with --official, --year or --window",
    ),
    "nothing_to_compare_note": (
        "참고: {name}은(는) 공식 통계 전후 비교(조사가 있는 수상 연도)도, 보도 지표 기록도 없습니다.",
        "note: no official before/after (an award year the survey covers) or news indicators for {name}.",
    ),
    "years_with_indicator": (
        "--indicator와 --sort는 지표를 비교합니다; 두 수상 연도 비교에는 쓸 수 없습니다",
        "--indicator and --sort compare indicators, not two award years",
    ),
    "not_year_or_range": (
        "{option}: '{value}'은(는) 연도(2023)나 범위(2019..2023)가 아닙니다",
        "{option}: '{value}' is not a year (2023) or a range (2019..2023)",
    ),
    "year_outside": ("{option}: {value}은(는) {low}..{high} 밖입니다", "{option}: {value} is outside {low}..{high}"),
    "year_not_held": (
        "{option} {value}: 이 연도의 회차나 수상 기록이 없습니다. 있는 연도: {held}",
        "{option} {value}: no edition or award recorded for it; years held: {held}",
    ),
    "no_edition": (
        "{year}년 회차나 수상 기록이 없습니다. 있는 연도: {held}",
        "no edition or award recorded for {year}; years held: {held}",
    ),
    "names_not_found": (
        "지자체를 하나로 찾지 못한 이름 {count}개: {listed}",
        "{count} names found no single government: {listed}",
    ),
    # what validate and add report on stdout: FILE:WHERE: 오류/경고/참고: text (gcc's words, translated)
    "validate_error": ("{place}: 오류: {text}", "{place}: error: {text}"),
    "validate_warning": ("{place}: 경고: {text}", "{place}: warning: {text}"),
    "validate_note": ("{place}: 참고: {text}", "{place}: note: {text}"),
    "validate_summary": (
        "파일 {files} 검사: 오류 {errors}, 경고 {warnings}",
        "checked {files}: {errors}, {warnings}",
    ),
    "added_record": ("{path}에 추가: {section} ({shown})", "added to {path}: {section} ({shown})"),
    "added_source": ("{path}에 추가: 출처 {id}", "added to {path}: source {id}"),
    "renamed_note": (
        "참고: '{old}'은(는) {until}까지의 이름이며, 현재 이름은 {new}입니다.",
        "note: '{old}' was renamed {new} after {until}.",
    ),
    "pager_failed_note": (
        "참고: 페이저 '{pager}'을(를) 시작할 수 없어 그대로 출력합니다 ({reason}).",
        "note: could not start the pager '{pager}' ({reason}); printing without it.",
    ),
    "news_left_out_note": (
        "참고: 보도 수치 {count}개는 기간이 {first}–{last}년 밖이라 뺐습니다 (모두 보기: --news).",
        "note: {count} news figures left out: their periods fall outside {first}–{last} (all: --news).",
    ),
    "news_left_out_each_note": (
        "참고: 보도 수치 {count}개는 기간이 그 지자체 수상 연도의 {before}년 전부터 {after}년 뒤까지를 벗어나 뺐습니다 "
        "(모두 보기: --news).",
        "note: {count} news figures left out: their periods fall outside {before} years before to {after} "
        "after the government's award year (all: --news).",
    ),
    "no_indicators_note": ("참고: {name}의 고용 지표 기록이 없습니다.", "note: no indicators recorded for {name}."),
    "bad_half_year": (
        "{option}: 기간은 2025-H1처럼 적습니다, 받은 값: '{value}'",
        "{option}: expected a half-year like 2025-H1, got '{value}'",
    ),
    "to_before_from": (
        "--to {end}이(가) --from {start}보다 앞입니다",
        "--to {end} comes before --from {start}",
    ),
    "bad_year": (
        "{option}: 시·도 연간 표의 기간은 2024처럼 연도로 적습니다, 받은 값: '{value}'",
        "{option}: the annual 시·도 table takes a year like 2024, got '{value}'",
    ),
    "key_file_readable": (
        "{path}: 다른 사용자도 읽을 수 있는 키 파일은 쓰지 않습니다 (권한 {mode}); chmod 600 {path}",
        "{path}: a key file others can read is not used (mode {mode}); chmod 600 {path}",
    ),
    "kosis_key_needed": (
        "--key: KOSIS OpenAPI 키가 필요합니다 (kosis.kr에서 무료 발급, 또는 KOSIS_API_KEY)",
        "--key: a KOSIS OpenAPI key is needed (free from kosis.kr, or set KOSIS_API_KEY)",
    ),
    "not_official_output": (
        "{path}: jobaward가 만든 공식 통계 파일이 아니어서 덮어쓰지 않습니다",
        "{path}: not an official-figures file jobaward wrote, so it is not overwritten",
    ),
    # writing output
    "cannot_write": ("{path}에 쓸 수 없습니다: {reason}", "cannot write {path}: {reason}"),
    "no_such_directory": (
        "{path}에 쓸 수 없습니다: {directory} 디렉터리가 없습니다",
        "cannot write {path}: no such directory {directory}",
    ),
    "output_is_directory": ("{path}에 쓸 수 없습니다: 디렉터리입니다", "cannot write {path}: it is a directory"),
    "output_read_only": (
        "{path}에 쓸 수 없습니다: 읽기 전용 파일입니다",
        "cannot write {path}: it is a read-only file",
    ),
    "output_hard_linked": (
        "{path}에 쓸 수 없습니다: 다른 하드 링크가 {links}개 있어 바꾸면 링크가 끊어집니다",
        "cannot write {path}: it has {links} hard links, which replacing it would split",
    ),
    "output_is_data": (
        "{path}에 쓸 수 없습니다: 불러온 데이터 파일은 덮어쓰지 않습니다",
        "cannot write {path}: it is a data file being loaded (it is never overwritten)",
    ),
    "output_not_regular": (
        "{path}에 쓸 수 없습니다: 일반 파일도, 장치도, FIFO도 아닙니다",
        "cannot write {path}: not a regular file, a device or a FIFO",
    ),
    "stdout_failed": ("표준 출력에 쓸 수 없습니다: {reason}", "cannot write to standard output: {reason}"),
    # reading data
    "more_problems": ("… 그리고 문제 {count:,}개 더", "… and {count:,} more problems"),
    "data_error": ("데이터 오류: {problem}", "data error: {problem}"),
    "cannot_use_data_dir": (
        "데이터 디렉터리 {path}를 쓸 수 없습니다: {reason}",
        "cannot use the data directory {path}: {reason}",
    ),
    "waiting_for_lock": (
        "{path}: 다른 jobaward add가 끝나기를 기다리는 중… (최대 {seconds}초, JOBAWARD_LOCK_TIMEOUT)",
        "{path}: waiting for another jobaward add to finish… (up to {seconds} s, JOBAWARD_LOCK_TIMEOUT)",
    ),
    "lock_timeout": (
        "{path}의 잠금을 {seconds}초 동안 얻지 못했습니다 (다른 jobaward add가 실행 중); 아무것도 쓰지 않았습니다",
        "could not get the lock {path} within {seconds} s (another jobaward add is running); nothing was written",
    ),
    "argument_not_utf8": (
        "{name}: UTF-8이 아닌 바이트가 있는 값입니다: {value}",
        "{name}: the value has bytes that are not UTF-8: {value}",
    ),
    "changed_while_adding": (
        "{path}이(가) 추가하는 동안 계속 바뀌었습니다 ({tries}번 시도); 아무것도 쓰지 않았습니다",
        "{path} kept changing while adding ({tries} tries); nothing was written",
    ),
    # problems in a data file (FILE:WHERE: message)
    "no_such_file": ("파일이 없습니다", "no such file"),
    "cannot_read": ("읽을 수 없습니다: {reason}", "cannot read: {reason}"),
    "is_a_directory": ("디렉터리입니다, 데이터 파일이 아닙니다", "is a directory, not a data file"),
    "not_regular": (
        "일반 파일이 아닙니다 (장치, FIFO 또는 소켓): 읽지 않습니다",
        "not a regular file (a device, FIFO or socket): refused",
    ),
    "too_large": (
        "너무 큽니다: {size:,}바이트 (한도 {limit} MiB)",
        "too large: {size:,} bytes (the limit is {limit} MiB)",
    ),
    "toml_syntax": ("TOML 문법 오류: {detail}", "{detail}"),
    "not_utf8": ("올바른 UTF-8 텍스트가 아닙니다", "not valid UTF-8 text"),
    "too_deep": ("{limit}단계보다 깊게 중첩되어 있습니다", "nested more than {limit} levels deep"),
    "too_many_parts": ("점으로 이은 부분이 {limit}개를 넘는 키입니다", "a key of more than {limit} dotted parts"),
    "too_many_keys": ("키가 {limit:,}개를 넘습니다", "more than {limit:,} keys"),
    "missing": ("빠졌습니다", "missing"),
    "expected_text": ("텍스트가 필요합니다, 받은 값: {value}", "expected text, got {value}"),
    "empty": ("비어 있으면 안 됩니다", "must not be empty"),
    "expected_choice": ("다음 중 하나가 필요합니다: {valid}, 받은 값: {value}", "expected one of {valid}, got {value}"),
    "expected_integer": ("정수가 필요합니다, 받은 값: {value}", "expected a whole number, got {value}"),
    "integer_between": (
        "{low}부터 {high}까지의 수가 필요합니다, 받은 값: {value}",
        "expected a number between {low} and {high}, got {value}",
    ),
    "integer_at_least": (
        "{low} 이상의 수가 필요합니다, 받은 값: {value}",
        "expected a number of at least {low}, got {value}",
    ),
    "expected_year": (
        "{low}부터 {high}까지의 연도가 필요합니다, 받은 값: {value}",
        "expected a year between {low} and {high}, got {value}",
    ),
    "expected_date": (
        "2023-08-02 같은 날짜가 필요합니다, 받은 값: {value}",
        "expected a date like 2023-08-02, got {value}",
    ),
    "expected_number": ("숫자가 필요합니다, 받은 값: {value}", "expected a number, got {value}"),
    "expected_finite": ("유한한 숫자가 필요합니다, 받은 값: {value}", "expected a finite number, got {value}"),
    "expected_text_list": ("텍스트 목록이 필요합니다, 받은 값: {value}", "expected a list of text, got {value}"),
    "name_one": ("하나 이상 있어야 합니다", "must name at least one"),
    "expected_tables": ("표 목록이 필요합니다, 받은 값: {value}", "expected a list of tables, got {value}"),
    "expected_table": (
        "{{ value = 1 }} 같은 표가 필요합니다, 받은 값: {value}",
        "expected a table like {{ value = 1 }}, got {value}",
    ),
    "expected_period": ('"2021" 같은 텍스트가 필요합니다, 받은 값: {value}', 'expected text like "2021", got {value}'),
    "unknown_field": ("알 수 없는 필드", "unknown field"),
    "expected_section": ("[[{section}]] 표가 필요합니다", "expected [[{section}]] tables"),
    "unknown_section": ("알 수 없는 섹션 (가능한 값: {valid})", "unknown section (expected one of {valid})"),
    "expected_schema": (
        "schema = {expected}이어야 합니다, 받은 값: {value}",
        "expected schema = {expected}, got {value}",
    ),
    "source_needs_url": ("출처에는 url이나 seed 파일 이름이 있어야 합니다", "a source needs a url or a seed file name"),
    "bounds_need_both": (
        "수상 지자체 수의 범위에는 최솟값과 최댓값이 모두 있어야 합니다 (최솟값 ≤ 최댓값)",
        "bounds on the governments awarded need both a minimum and a maximum (minimum ≤ maximum)",
    ),
    "former_needs_name": ("이전 상태에는 이름이나 시도가 있어야 합니다", "a former state needs a name or a province"),
    "indicator_needs_value": (
        "지표에는 이후 값이나 이전 값, 또는 둘 다 있어야 합니다",
        "an indicator needs an after value, a before value, or both",
    ),
    "duplicate_in_file": (
        "중복: {same}와 키({label})가 같은 기록입니다",
        "duplicate: the same key ({label}) as {same}",
    ),
    "already_recorded": (
        "{path}: 이미 기록된 수상이라 추가하지 않았습니다: {shown}",
        "{path}: that award is already recorded, nothing added: {shown}",
    ),
    "data_file_exists": (
        "이 파일이 있습니다: 명령마다 내장 자료 위에 읽습니다.",
        "This file exists: every command reads it on top of the bundled data.",
    ),
    "data_file_missing": (
        "이 파일은 아직 없습니다: jobaward add가 처음 기록할 때 만듭니다.",
        "This file does not exist yet: jobaward add creates it with the first record.",
    ),
    "completion_installed_rc": (
        "{shell} 자동 완성을 {path}에 설치했습니다. {rc}에 그 파일을 읽는 줄을 (없으면) 더했습니다. "
        "새 터미널부터 적용됩니다.",
        "{shell} completion installed in {path}; {rc} now has a line reading it (added if it was not there). "
        "It takes effect in a new terminal.",
    ),
    "completion_installed": (
        "{shell} 자동 완성을 {path}에 설치했습니다. 새 터미널부터 적용됩니다.",
        "{shell} completion installed in {path}. It takes effect in a new terminal.",
    ),
    "also_at": (" (같은 참조가 {count}곳 더: {places})", " (the same reference in {count} more: {places})"),
    "already_recorded_indicator": (
        "{path}: 이미 기록된 지표라 추가하지 않았습니다: {shown}",
        "{path}: that indicator is already recorded, nothing added: {shown}",
    ),
    "source_already_recorded": (
        "중복: 이 URL의 출처가 이미 {id}(으)로 기록되어 있습니다",
        "duplicate: a source with this URL is already recorded as {id}",
    ),
    "replaces": ("{file}의 {section} 기록을 대체합니다", "replaces {section} record from {file}"),
    "unknown_province_ref": ("알 수 없는 광역 지자체 {value}", "unknown 광역 government {value}"),
    "province_of_province": ("광역 지자체에는 시도가 없습니다", "a 광역 government has no province"),
    "unknown_government_ref": ("알 수 없는 지자체 {value}", "unknown government {value}"),
    "unknown_source_ref": ("알 수 없는 출처 {value}", "unknown source {value}"),
    "negative_count": ("음수인 개수 {value}", "negative count {value}"),
    "negative_incentive": ("음수인 인센티브 {value}", "negative incentive {value}"),
    "over_100_percent": ("100을 넘는 백분율: {value}", "a percentage over 100: {value}"),
    "periods_reversed": (
        "이후 시점 {after}이(가) 이전 시점 {before}보다 앞섭니다",
        "after-period {after} is earlier than before-period {before}",
    ),
    "series_written": ("{path}: 계열 {count}개 ({span}) 기록", "{path}: {count} series ({span}) recorded"),
    "status_bundle": (
        "내장 계열: {survey} {span} (최근 기간 {count}개 지역)",
        "bundled: {survey} {span} ({count} regions in the latest period)",
    ),
    "status_user_period": (
        "내 파일: {survey} {period} {count}/{expected}개 지역 ({state}), {over}",
        "your file: {survey} {period} {count} of {expected} regions ({state}), {over}",
    ),
    "status_complete": ("전체", "complete"),
    "status_partial_word": ("일부", "partial"),
    "status_bundle_user": ("내장 계열 위에 덮어씀", "laid over the bundle"),
    "status_user": ("새 기간", "a new period"),
    "status_uncovered": ("새 기간, 부분 기간이라 비교군 중앙값 없음", "a new period, partial: no peer median"),
    "status_no_user_file": (
        "내 파일: 없음 (official import / fetch로 만듭니다)",
        "your file: none (official import / fetch make it)",
    ),
    "status_partial": (
        "주의: {survey} {period}에는 {count}/{expected}개 지역만 있습니다 — 그 기간의 비교군 중앙값은 내지 않습니다",
        "warning: {survey} {period} holds {count} of {expected} regions: no peer median for that period",
    ),
    # problems in a KOSIS download or an official-figures file
    "request_failed": ("요청 실패: {reason}", "request failed: {reason}"),
    "figure_out_of_range": (
        "{item}에 맞지 않는 수치입니다: {value} (음수가 아닌 수, 고용률·실업률은 0–100)",
        "not a figure {item} can be: {value} (a non-negative number; rates within 0–100)",
    ),
    "period_outside": ("기간이 {low}..{high}년 밖입니다", "the period is outside the years {low}..{high}"),
    "bad_csv": ("CSV로 읽을 수 없습니다: {reason}", "cannot be read as CSV: {reason}"),
    "not_a_figure": ("수치가 아닙니다: {value}", "not a figure: {value}"),
    "control_characters": ("제어 문자가 들어 있습니다", "contains control characters"),
    "not_regional_csv": (
        "KOSIS 지역별고용조사 표(반기, 시군구)가 아닙니다",
        "not a KOSIS 지역별고용조사 table (half-yearly, 시군구)",
    ),
    "not_kosis_table": (
        "KOSIS 통계표 CSV가 아닙니다 (첫 줄이 'A 행정구역별'이나 '행정구역별,연령별,항목' 같은 분류로 시작해야 함)",
        "not a KOSIS table CSV (its first line should start with a classification: 'A 행정구역별', "
        "'행정구역별,연령별,항목', …)",
    ),
    "kosis_missing_dimension": (
        "이 칸의 {names}을(를) 알 수 없습니다 (jobaward가 읽는 KOSIS 표가 아님)",
        "cannot tell this cell's {names} (not a KOSIS table jobaward reads)",
    ),
    "not_a_period": ("시점이 아닙니다: {value}", "not a period: {value}"),
    "no_period_columns": (
        "시점 열이 없습니다 (예: H202401 2024.1/2, Y2024 2024)",
        "no period columns (e.g. H202401 2024.1/2, Y2024 2024)",
    ),
    "mixed_periods": ("반기와 연도가 한 표에 섞여 있습니다", "half-years and years mixed in one table"),
    "not_utf8_or_cp949": (
        "UTF-8도 CP949(EUC-KR)도 아닙니다 (이 줄에서 UTF-8로 읽지 못함)",
        "neither UTF-8 nor CP949 (EUC-KR) text (UTF-8 fails on this line)",
    ),
    "unknown_region_code": (
        "jobaward의 KOSIS 지역 코드표에 없는 코드 (추측하지 않음): {labels}",
        "KOSIS region codes not in jobaward's code table (not guessed): {labels}",
    ),
    "region_code_mismatch": (
        "KOSIS 지역 코드와 이름이 맞지 않습니다: {labels}",
        "KOSIS region code and name disagree: {labels}",
    ),
    "ambiguous_region": (
        "코드 없이는 어느 지자체인지 알 수 없는 지역 (코드가 붙은 KOSIS 내려받기를 쓰세요): {labels}",
        "regions that name more than one government without a code (use a KOSIS download with codes): {labels}",
    ),
    "no_half_year_columns": ("반기 열(예: 2021.2/2)이 없습니다", "no half-year columns (e.g. 2021.2/2)"),
    "too_few_columns": ("열이 모자랍니다", "too few columns"),
    "not_national_csv": ("KOSIS 경제활동인구조사 CSV가 아닙니다", "not a KOSIS 경제활동인구조사 CSV"),
    "kosis_not_json": ("KOSIS 응답이 JSON이 아닙니다: {reason}", "the KOSIS response is not JSON: {reason}"),
    "kosis_error": ("KOSIS 오류 {code}: {detail}", "KOSIS error {code}: {detail}"),
    "kosis_error_hint": ("KOSIS 오류 {code}: {detail} — {hint}", "KOSIS error {code}: {detail}: {hint}"),
    "kosis_hint_key": (
        "키가 없거나 틀렸거나 만료되었습니다 (kosis.kr 마이페이지의 인증키를 확인하세요)",
        "the key is missing, wrong or expired (check it on your kosis.kr page)",
    ),
    "kosis_hint_request": (
        "요청 변수가 맞지 않습니다 (반기 코드 H/S, 기간 형식 등)",
        "a request variable is wrong (the half-year code H/S, the period form, …)",
    ),
    "kosis_hint_no_data": (
        "그 기간의 자료가 없습니다 (아직 공표 전이거나 기간 코드가 틀림)",
        "no figures for those periods (not published yet, or a wrong period code)",
    ),
    "kosis_hint_too_many": (
        "한 번에 받을 수 있는 셀 수를 넘었습니다 (--from/--to로 기간을 줄이세요)",
        "too many cells for one request (ask for fewer periods with --from/--to)",
    ),
    "kosis_hint_limit": (
        "호출 한도를 넘었습니다 (나중에 다시 하세요)",
        "the call limit is reached (try again later)",
    ),
    "kosis_hint_server": (
        "도움말: KOSIS 서버 오류입니다 — 나중에 다시 하세요",
        "hint: a KOSIS server error: try later",
    ),
    "kosis_code_retried": (
        "반기 코드 {tried}에 KOSIS 오류 {error}; {used}(으)로 받았습니다",
        "half-year code {tried} drew KOSIS error {error}; fetched with {used}",
    ),
    "kosis_not_records": ("KOSIS 응답이 레코드 배열이 아닙니다", "the KOSIS response is not an array of records"),
    "kosis_record_incomplete": (
        "C1_NM, C2_NM, ITM_NM, PRD_DE 중 빠진 것이 있습니다",
        "one of C1_NM, C2_NM, ITM_NM, PRD_DE is missing",
    ),
    "not_half_year_period": (
        "반기 기간(예: 202402)이 아닙니다: {value}",
        "not a half-year period (e.g. 202402): {value}",
    ),
    "unmapped_regions": ("지자체에 대응하지 않는 지역: {labels}", "regions that match no government: {labels}"),
    "unmapped_province": ("시·도에 대응하지 않는 지역: {label}", "a region that matches no province: {label}"),
    "outside_lifetime": (
        "'{label}'의 {period} 값이 {name}의 값인지 알 수 없습니다 ({name}: {lifetime}); 가져오지 않습니다",
        "cannot tell that the {period} figure of '{label}' is {name}'s ({name}: {lifetime}); nothing imported",
    ),
    "not_official_file": (
        "jobaward 공식 통계 파일이 아닙니다 (첫 줄: # {kind} {version})",
        "not a jobaward official-figures file (first line: # {kind} {version})",
    ),
    "bad_series_line": (
        "계열 줄의 형식이 잘못되었습니다 (탭으로 나뉜 8개 칸)",
        "a malformed series line (8 tab-separated fields)",
    ),
    # Click's usage errors, translated
    "no_such_option": ("알 수 없는 옵션: {option}", "No such option: {option}"),
    "no_such_command": ("알 수 없는 명령: {command}", "No such command '{command}'."),
    "no_such_command_suggest": (
        "알 수 없는 명령: {command}; 혹시 {suggestion}인가요?",
        "No such command '{command}'. Did you mean {suggestion}?",
    ),
    "extra_arguments": ("남는 인수: {arguments}", "Got unexpected extra arguments: {arguments}"),
    "missing_argument": ("인수가 빠졌습니다: {name}", "Missing argument '{name}'."),
    "missing_option": ("옵션이 빠졌습니다: {name}", "Missing option '{name}'."),
    "option_needs_value": ("{option} 옵션에는 값이 필요합니다", "Option '{option}' requires an argument."),
    "bad_choice": (
        "{option}: 알 수 없는 값 '{value}'; 가능한 값: {valid}",
        "{option}: unknown value '{value}'; expected one of: {valid}",
    ),
    "bad_integer": (
        "{option}: {low}부터 {high}까지의 정수가 필요합니다, 받은 값: '{value}'",
        "{option}: expected a whole number from {low} to {high}, got '{value}'",
    ),
    "bad_integer_from": (
        "{option}: {low} 이상의 정수가 필요합니다, 받은 값: '{value}'",
        "{option}: expected a whole number of at least {low}, got '{value}'",
    ),
    "bad_value": ("{option}: 올바르지 않은 값: {detail}", "Invalid value for {option}: {detail}"),
    "usage": ("사용법 오류: {detail}", "usage error: {detail}"),
    "interrupted": ("중단되었습니다", "interrupted"),
    "internal": (
        "내부 오류 (jobaward의 버그입니다; 실행한 명령과 함께 알려 주세요): {detail}",
        "internal error (a bug in jobaward; please report it with the command you ran): {detail}",
    ),
}


#: errno name → what the operating system's English reason says, in Korean.
SYSTEM_REASONS: dict[str, str] = {
    "ENOSPC": "장치에 남은 공간이 없습니다",
    "EDQUOT": "디스크 할당량을 넘었습니다",
    "EACCES": "권한이 없습니다",
    "EPERM": "허용되지 않는 작업입니다",
    "ENOENT": "그런 파일이나 디렉터리가 없습니다",
    "ENOTDIR": "디렉터리가 아닙니다",
    "EISDIR": "디렉터리입니다",
    "EROFS": "읽기 전용 파일 시스템입니다",
    "ELOOP": "심볼릭 링크가 너무 여러 번 이어집니다",
    "ENAMETOOLONG": "파일 이름이 너무 깁니다",
    "EEXIST": "이미 있습니다",
    "EBADF": "파일 기술자가 닫혀 있거나 잘못되었습니다",
    "EPIPE": "파이프가 끊어졌습니다",
    "EIO": "입출력 오류입니다",
    "EFBIG": "파일이 너무 큽니다",
    "EMFILE": "열린 파일이 너무 많습니다",
    "ENFILE": "시스템에 열린 파일이 너무 많습니다",
    "EBUSY": "장치나 자원이 사용 중입니다",
    "ETXTBSY": "실행 중인 파일입니다",
    "ENXIO": "그런 장치나 주소가 없습니다",
    "ENODEV": "그런 장치가 없습니다",
    "EINVAL": "잘못된 인수입니다",
    "EXDEV": "다른 파일 시스템에 걸친 링크입니다",
    "EAGAIN": "자원을 잠시 쓸 수 없습니다",
    "ETIMEDOUT": "시간이 초과되었습니다",
    "ECONNREFUSED": "연결이 거부되었습니다",
    "ECONNRESET": "연결이 끊어졌습니다",
    "ENETUNREACH": "네트워크에 닿을 수 없습니다",
    "EHOSTUNREACH": "호스트에 닿을 수 없습니다",
}


#: tomllib's complaints (a full match of its English text) → the same in Korean; ``{0}`` is the
#: part the pattern captured (a key or a character, shown as tomllib printed it).
TOML_COMPLAINTS: tuple[tuple[str, str], ...] = (
    (r"Cannot overwrite a value", "이미 있는 값을 덮어쓸 수 없습니다"),
    (r"Escaped character is not a Unicode scalar value", "이스케이프한 문자가 유니코드 문자가 아닙니다"),
    (r"Expected '=' after a key in a key/value pair", "키 다음에 '='가 있어야 합니다"),
    (r"Expected '\]' at the end of a table declaration", "테이블 선언 끝에 ']'가 있어야 합니다"),
    (r"Expected '\]\]' at the end of an array declaration", "배열 테이블 선언 끝에 ']]'가 있어야 합니다"),
    (r"Expected newline or end of document after a statement", "한 문장 뒤에는 줄바꿈이나 파일 끝이 와야 합니다"),
    (r"Invalid date or datetime", "날짜나 시각이 잘못되었습니다"),
    (r"Invalid hex value", "16진수 값이 잘못되었습니다"),
    (r"Invalid initial character for a key part", "키의 첫 글자가 잘못되었습니다"),
    (r"Invalid statement", "알 수 없는 문장입니다"),
    (r"Invalid value", "값이 잘못되었습니다"),
    (r"Unclosed array", "배열이 닫히지 않았습니다"),
    (r"Unclosed inline table", "인라인 테이블이 닫히지 않았습니다"),
    (r"Unescaped '\\' in a string", "문자열 안의 '\\'가 이스케이프되지 않았습니다"),
    (r"Unterminated string", "문자열이 닫히지 않았습니다"),
    (r"Cannot declare (.+) twice", "{0}을(를) 두 번 선언할 수 없습니다"),
    (r"Cannot mutate immutable namespace (.+)", "바꿀 수 없는 이름공간 {0}을(를) 바꾸려 했습니다"),
    (r"Cannot redefine namespace (.+)", "이름공간 {0}을(를) 다시 정의할 수 없습니다"),
    (r"Duplicate inline table key (.+)", "인라인 테이블에 키 {0}이(가) 두 번 있습니다"),
    (r"Found invalid character (.+)", "잘못된 문자 {0}이(가) 있습니다"),
    (r"Illegal character (.+)", "쓸 수 없는 문자 {0}이(가) 있습니다"),
)


class Bilingual(NamedTuple):
    """A value a message shows in the reader's language: words that came from outside jobaward
    (the operating system's reason, tomllib's complaint) with their Korean where we have it."""

    english: str
    korean: str

    def __str__(self) -> str:
        return self.english

    def said(self, english: bool) -> str:
        return self.english if english else self.korean


def system_reason(error: OSError) -> Bilingual:
    """The reason an OSError gives; in Korean with the errno name, for searching."""
    text = error.strerror or str(error)
    name = errno.errorcode.get(error.errno or 0, "")
    korean = SYSTEM_REASONS.get(name)
    return Bilingual(text, f"{korean} ({name})" if korean else text)


def toml_complaint(text: str) -> Bilingual:
    """tomllib's complaint about a file's syntax (its position already taken off)."""
    for pattern, korean in TOML_COMPLAINTS:
        found = re.fullmatch(pattern, text)
        if found:
            return Bilingual(text, korean.format(*found.groups()))
    return Bilingual(text, text)


def message(key: str, english: bool, **fields: object) -> str:
    """The catalogue's message for ``key`` in the chosen language, or ``key`` itself as plain text."""
    if key not in MESSAGES:
        return key
    korean, english_text = MESSAGES[key]
    shown = {name: value.said(english) if isinstance(value, Bilingual) else value for name, value in fields.items()}
    return (english_text if english else korean).format(**shown)
