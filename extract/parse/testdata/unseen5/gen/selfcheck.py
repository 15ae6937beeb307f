"""The generator's own check of its expected rules against the spec
(rules.md S002–S013, A002–A004, A007), run on the values it writes, so a
document's expected rules are exactly its planted defects. It reads the
plan only, never the program."""
import json
import sys

ACT = ["guidance_onsite", "guidance_remote", "joint_research", "symposiums", "lectures", "training_onsite", "training_remote",
       "consultations", "demonstrations", "free_clinics", "science_lectures", "science_exhibitions"]


def survey_rules(f, approx):
    r = set()
    if approx:
        r.add("S010")
    g = lambda k: f.get(k, 0)
    if f.get("service_mode") == "once" and g("service_days") < 1 or \
            f.get("service_mode") == "batches" and (g("batch_count") < 2 or g("batch_days_total") < g("batch_count")):
        r.add("S002")
    if "experts_total" in f and "expert_attendances" in f and f["experts_total"] > f["expert_attendances"]:
        r.add("S003")
    if g("senior_full") + g("senior_deputy") > g("experts_total"):
        r.add("S004")
    if "experts_total" in f and sum(g(k) for k in ("source_local", "source_other_province", "source_hmt", "source_foreign")) != f["experts_total"]:
        r.add("S005")
    n, p = g("key_counties_national"), g("key_counties_provincial")
    if f["key_counties"] and (n + p < 1 or n != len(f.get("key_counties_national_names", [])) or
                              p != len(f.get("key_counties_provincial_names", []))) or not f["key_counties"] and n + p:
        r.add("S006")
    if f["publicity"] and not f.get("publicity_items"):
        r.add("S007")
    if "activities_total" in f and f["activities_total"] < sum(g(k) for k in ACT):
        r.add("S011")
    if (g("clinic_consultations") + g("clinic_examinations") + g("clinic_treatments")) and not g("free_clinics") or \
            (g("trained_professionals") + g("trained_public")) and not (g("training_onsite") + g("training_remote")):
        r.add("S012")
    return r


def audit_rules(f):
    r = set()
    c = lambda a, b: abs(a - b) > 0.005
    spent = sum(f[k] for k in f if k.startswith("spent_") and k != "spent_total")
    if c(f["received_total"], f["received_mohrss"] + f["received_municipal"]) or c(f["spent_total"], spent) or \
            c(f["balance"], f["received_total"] - f["spent_total"]):
        r.add("A002")
    if any(f[k] < 0 for k in f if k.startswith("spent_")):
        r.add("negative")
    if "auditor" not in f:
        r.add("A007")
    elif f["opinion"] != "unqualified":
        r.add("A006")
    if f["service_end"] > "2026-11-10":
        r.add("D002")
    return r


def main():
    bad = 0
    for e in json.load(open(sys.argv[1])):
        f = e["fields"]
        got = survey_rules(f, e["approx"]) if e["kind"] == "survey" else audit_rules(f) if e["kind"] == "audit" else set()
        if got != set(e["rules"]):
            print("MISMATCH", e["inbox"], sorted(got), e["rules"])
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
