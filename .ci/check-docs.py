#!/usr/bin/env python3
"""Docs checks run by .ci/run: every relative link in README.md, DEVELOPERS.md and docs/ resolves, and every
message key the errors page relies on exists in the plugin's Messages.properties (English and Spanish)."""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
problems = []
pages = [root / "README.md", root / "DEVELOPERS.md"] + sorted((root / "docs").glob("*.md")) \
    + sorted(root.glob("*/README.md"))
for page in pages:
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target):
            continue  # absolute URL: not checked offline
        if not (page.parent / target).exists():
            problems.append(f"{page.relative_to(root)}: broken link {target}")

messages = root / "plugin/src/main/resources/io/jenkins/plugins/nexor"
def keys(name):
    return {l.split("=", 1)[0].strip() for l in (messages / name).read_text(encoding="utf-8").splitlines()
            if "=" in l and not l.startswith("#")}
en, es = keys("Messages.properties"), keys("Messages_es.properties")
if en != es:
    problems.append(f"Messages.properties and Messages_es.properties differ: {sorted(en ^ es)}")
errors = (root / "docs/errors.md").read_text(encoding="utf-8")
# each console/credentials message of the plugin that users meet has a row in docs/errors.md
for key, words in {"Credentials.missing": "No Nexor credentials", "Credentials.unknown": "were not found",
                   "Credentials.wrongType": "are of type"}.items():
    if key not in en:
        problems.append(f"Messages.properties lost {key}")
    elif words not in errors:
        problems.append(f"docs/errors.md has no row for {key} ({words!r})")

for p in problems:
    print("docs:", p)
print(f"docs: {len(pages)} pages checked, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
