"""The README's shell examples as one script that fails on any unexpected answer.

Every ```sh block from "## Walk-through" up to "## Configuration", in order, joined into
one bash script under `set -euo pipefail`, with `curl` wrapped: an answer of 400 or more
(or no answer) fails the script, unless the example marks it on its last line with

    curl … ; echo   # answers 404 key-not-found

in which case exactly that status (and, when given, that problem `code` or OAuth `error`)
is required. The printed operator secret and the address are filled in.

    python3 .ci/readme_examples.py README.md SECRET PORT > examples.sh
"""

import re
import sys

# `curl` as the examples call it, holding each answer to what the example expects.
PRELUDE = r"""set -euo pipefail
readme_expect=""
curl() {
  local out status body
  out=$(command curl -sS -w '\n%{http_code}' "$@") || { echo "README example: curl $* did not complete" >&2; return 1; }
  status=${out##*$'\n'}
  body=${out%$'\n'*}
  printf '%s' "$body"
  local want=${readme_expect%% *} code=""
  [[ $readme_expect == *" "* ]] && code=${readme_expect#* }
  if [ -z "$readme_expect" ]; then
    if [ "$status" -ge 400 ] || [ "$status" -eq 0 ]; then
      printf '\nREADME example answered %s, which it does not expect: curl %s\n%s\n' "$status" "$*" "$body" >&2
      return 22
    fi
  elif [ "$status" != "$want" ]; then
    printf '\nREADME example answered %s where it shows %s: curl %s\n%s\n' "$status" "$readme_expect" "$*" "$body" >&2
    return 22
  elif [ -n "$code" ] && ! printf '%s' "$body" | python3 -c '
import json, sys
answer = json.load(sys.stdin)
sys.exit(0 if sys.argv[1] in (answer.get("code"), answer.get("error")) else 1)' "$code"; then
    printf '\nREADME example answered %s but not %s: curl %s\n%s\n' "$status" "$code" "$*" "$body" >&2
    return 22
  fi
}
"""

MARK = re.compile(r"^(?P<command>.*?)\s+# answers (?P<status>\d{3})(?: (?P<code>[a-z_-]+))?\b.*$")


def blocks(readme: str) -> list[str]:
    start = readme.index("## Walk-through")
    end = readme.index("## Configuration")
    return re.findall(r"```sh\n(.*?)```", readme[start:end], re.S)


def with_expectations(script: str) -> str:
    """Sets `readme_expect` around each command whose last line carries a mark."""
    lines = script.split("\n")
    out: list[str] = []
    for line in lines:
        mark = MARK.match(line)
        if not mark:
            out.append(line)
            continue
        # The command starts where the previous lines stop continuing it with `\`.
        first = len(out)
        while first > 0 and out[first - 1].rstrip().endswith("\\"):
            first -= 1
        expect = mark["status"] + (f" {mark['code']}" if mark["code"] else "")
        out.insert(first, f"readme_expect='{expect}'")
        out.append(f"{mark['command']}; readme_expect=''")
    return "\n".join(out)


def main() -> None:
    path, secret, port = sys.argv[1:4]
    script = "\n".join(blocks(open(path).read()))
    script = script.replace("kps_paste-the-printed-secret-here", secret).replace("127.0.0.1:8080", f"127.0.0.1:{port}")
    print(PRELUDE + with_expectations(script))


if __name__ == "__main__":
    main()
