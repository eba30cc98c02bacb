#!/usr/bin/env python3
"""Docs checks run by .ci/run: every relative link in README.md, DEVELOPERS.md and docs/ resolves; the plugin's
Messages.properties and Messages_es.properties have the same keys, and every error message in them has a row in
docs/errors.md / docs/errors.es.md; every nexorSend /
nexorSendBulk / nexorNotify call in the docs' Groovy snippets uses only parameters the steps have (read from the step
classes)."""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
problems = []
pages = sorted(root.glob("*.md")) + sorted((root / "docs").glob("*.md")) + sorted(root.glob("*/README.md"))
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
def messages_of(name):
    text = (messages / name).read_text(encoding="latin-1").encode("latin-1").decode("unicode_escape")
    return dict(l.split("=", 1) for l in text.splitlines() if "=" in l and not l.startswith("#"))

def opening(message):
    """The words a reader sees first: the literal text before the first placeholder, at most four words."""
    words = []
    for word in message.replace("''", "'").split("{")[0].replace("\\", "").split()[:4]:
        words.append(word.rstrip(":,.;"))
        if word[-1] in ":,.;":
            break
    return " ".join(words)

# every error or console message of the plugin that users meet has a row in docs/errors.md (English) and
# docs/errors.es.md (Spanish), found by its opening words
INFORMATIONAL = {"Bulk.progress", "Bulk.done", "Bulk.archived", "Bulk.moreSkipped"}
for page, bundle in (("docs/errors.md", "Messages.properties"), ("docs/errors.es.md", "Messages_es.properties")):
    doc = (root / page).read_text(encoding="utf-8")
    for key, message in sorted(messages_of(bundle).items()):
        if not (key.startswith(("Credentials.", "Bulk.")) or key == "FailurePolicy.unknown") or key in INFORMATIONAL:
            continue
        words = opening(message)
        if len(words) >= 6 and words not in doc:
            problems.append(f"{page} has no row for {key} (it should quote {words!r})")

# the client's failure messages (what the console prints when Nexor or the network fails) have rows too
client_bundles = root / "nexor-client/src/main/resources/io/jenkins/plugins/nexor/client"
for page, bundle in (("docs/errors.md", "ValidationMessages.properties"), ("docs/errors.es.md", "ValidationMessages_es.properties")):
    doc = (root / page).read_text(encoding="utf-8")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)),
                  (client_bundles / bundle).read_text(encoding="utf-8"))
    for line in text.splitlines():
        key, _, message = line.partition("=")
        if key.startswith("error.") and not key.endswith((".hint", ".noType")):
            words = opening(message)
            if len(words) >= 6 and words not in doc:
                problems.append(f"{page} has no row for the client's {key} (it should quote {words!r})")

# every nexorSend / nexorSendBulk call in the docs' Groovy uses parameters the steps really have
src = root / "plugin/src/main/java/io/jenkins/plugins/nexor"
def step_params(*files):
    names = set()
    for name in files:
        text = (src / name).read_text(encoding="utf-8")
        names |= {m[0].lower() + m[1:] for m in re.findall(r"@DataBoundSetter\s+public void set(\w+)\(", text)}
        for ctor in re.findall(r"@DataBoundConstructor\s+public \w+\(([^)]*)\)", text):
            names |= {p.split()[-1] for p in ctor.split(",") if p.strip()}
        names |= {p.split()[-1] for p in re.findall(r"protected MessageStep\(([^)]*)\)", text)[0].split(",")} \
            if "protected MessageStep(" in text else set()
    return names
params = {"nexorSend": step_params("MessageStep.java", "NexorSendStep.java"),
          "nexorSendBulk": step_params("MessageStep.java", "NexorSendBulkStep.java"),
          "nexorNotify": step_params("NexorNotifier.java")}
import xml.etree.ElementTree as ET
blocks = [(page.relative_to(root), block) for page in pages
          for block in re.findall(r"```groovy\n(.*?)```", page.read_text(encoding="utf-8"), re.S)]
# the demo Jenkins' jobs (demo/jenkins-home) are held to the same rule; the freestyle one's fields to MessageFields
message_fields = set(re.findall(r"^    private (?:String|Object|FailurePolicy) (\w+);", (src / "MessageFields.java")
                                .read_text(encoding="utf-8"), re.M))
for job in sorted((root / "demo/jenkins-home/jobs").glob("*/config.xml")):
    tree = ET.parse(job)
    blocks += [(job.relative_to(root), s.text) for s in tree.iter("script")]
    for fields in tree.iter("fields"):
        unknown = [f.tag for f in fields if f.tag not in message_fields]
        if unknown:
            problems.append(f"{job.relative_to(root)}: unknown builder field(s) {unknown}")
snippets = 0
for page, block in blocks:
        for m in re.finditer(r"\b(nexorSendBulk|nexorSend|nexorNotify)\b\s*\(?", block):
            snippets += 1
            depth, i, keys = 0, m.end(), []
            while i < len(block):
                c = block[i]
                if c in "[(":
                    depth += 1
                elif c in "])":
                    depth -= 1
                    if depth < 0:
                        break
                elif c == "\n" and depth == 0 and not block[:i].rstrip().endswith(","):
                    break
                elif depth == 0:
                    k = re.match(r"(\w+)\s*:", block[i:])
                    if k and (i == 0 or not block[i - 1].isalnum()):
                        keys.append(k.group(1))
                        i += len(k.group(0))
                        continue
                i += 1
            unknown = [k for k in keys if k not in params[m.group(1)]]
            if unknown:
                problems.append(f"{page}: {m.group(1)} with unknown parameter(s) {unknown}")
            if not keys:
                problems.append(f"{page}: {m.group(1)} call without parameters? {block[m.start():m.start()+60]!r}")

# the JCasC page documents exactly the keys the plugin's JCasC test imports and exports
def nexor_keys(text):
    block = text.split("  nexor:", 1)[1] if "  nexor:" in text else ""
    return sorted(re.findall(r"^    (\w+):", block, re.M))
docs_yaml = re.findall(r"```yaml\n(.*?)```", (root / "docs/configuration-as-code.md").read_text(encoding="utf-8"), re.S)
test_yaml = (root / "plugin/src/test/resources/io/jenkins/plugins/nexor/configuration-as-code.yml").read_text(encoding="utf-8")
if not docs_yaml or nexor_keys(docs_yaml[0]) != nexor_keys(test_yaml) or not nexor_keys(test_yaml):
    problems.append(f"docs/configuration-as-code.md keys {nexor_keys(docs_yaml[0]) if docs_yaml else None} differ from the "
                    f"JCasC test's {nexor_keys(test_yaml)}")

demo_yaml = (root / "demo/casc.yaml").read_text(encoding="utf-8")
if not nexor_keys(demo_yaml) or not set(nexor_keys(demo_yaml)) <= set(nexor_keys(test_yaml)):
    problems.append(f"demo/casc.yaml keys {nexor_keys(demo_yaml)} are not among the JCasC test's {nexor_keys(test_yaml)}")

for p in problems:
    print("docs:", p)
print(f"docs: {len(pages)} pages, {snippets} step calls in Groovy snippets checked, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
