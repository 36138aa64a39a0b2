import json, copy, sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
from labels import ROUTES, REQUIRED, FORBIDDEN, URGENCY
ROOT = 'src/main/resources/rulesets/'
d = json.load(open(ROOT + 'england-schools-2025.1.json'))
rules = {r['id']: r for r in d['rules']}
POLICE = {"POLICE_999", "POLICE_REFERRAL", "POLICE_CONSULTATION"}
IMAGE_TYPES = ["NUDE_IMAGE_SHARING", "AI_SEXUAL_IMAGE", "SEXTORTION", "IIOC_FOUND"]
ACTING_ROLES = ["SUBJECT", "IMAGE_CREATOR", "SENDER", "REQUESTER"]

def cite(source, section, status, edition, confidence):
    return {"source": source, "section": section, "status": status, "edition": edition, "confidence": confidence}

CSA = "CSA Centre: Responding to technology-assisted harmful sexual behaviour"
AIM = "NSPCC/AIM TA-HSB practice guidance"
EDITIONS = {"KCSIE 2025": "KCSIE 2025", "Working Together to Safeguard Children 2023": "WT 2023",
            "UKCIS Sharing nudes and semi-nudes 2024": "UKCIS 2024"}
MARKS_TSV = 'src/test/resources/citation-marks.tsv'

def load_marks():
    """The confidence marks transcribed line by line from the guidance's tags (CitationMarksTest checks the files)."""
    rows = [l.rstrip("\n").split("\t") for l in open(MARKS_TSV, encoding="utf-8") if not l.startswith("#")]
    return [dict(zip(rows[0], r)) for r in rows[1:]]
MARKS = load_marks()

def mark_of(release, rid, src, sec):
    hits = [m for m in MARKS if release in m["releases"].split(",") and m["rule"] in (rid, "*")
            and m["source"] == src and m["section"] in (sec, "*")]
    if len(hits) != 1:
        raise SystemExit(f"{release} {rid} {src} / {sec}: {len(hits)} rows in {MARKS_TSV}")
    return hits[0]["mark"]

def mark(rid, c, release="2025.2"):
    """Edition (from the source) and the transcribed confidence mark of a citation of rule rid."""
    c = dict(c)
    c.setdefault("edition", EDITIONS.get(c["source"], c["source"]))
    c["confidence"] = mark_of(release, rid, c["source"], c["section"])
    return {k: c[k] for k in ("source", "section", "status", "edition", "confidence")}

def outcomes(rule):
    yield rule["outcome"]
    for a in rule.get("also", []):
        yield a["outcome"]

def add(lst, *vals):
    for v in vals:
        if v not in lst:
            lst.append(v)

# ---- header
d["version"] = "2025.2"
d["title"] = "England schools safeguarding thresholds 2025/26, corrected (A1-A10)"
d["description"] = ("Release 2025.1 with the corrections A1-A10 of threshold-guidance.md section 14.1, for incidents "
                    "dated before 2026-09-01. CHANGES-2025.2.md explains every change. Every rule must be signed off by a "
                    "qualified DSL or LA safeguarding lead before go-live.")
d["guidanceVersion"] = ("KCSIE 2025; UKCIS Sharing nudes and semi-nudes 2024; Working Together 2023; CSA Centre TA-HSB "
                        "guide for education settings")
d["flags"] = {"MANDATORY_REPORTING_DUTY_IN_FORCE": False,
              "DERIVE_ADULT_INVOLVED_BY_INVOLVED_ROLE": True,
              "DERIVE_UNDER13_UNKNOWN_UNLESS_DEPICTED_LISTED": True}
defs = d["definitions"]

# ---- A1/A2: adult involvement unknown
defs["adultInvolvementUnknown"] = {"all": [{"possibly": {"derivedTrue": "adultInvolved"}},
                                           {"not": {"definitely": {"derivedTrue": "adultInvolved"}}}]}
rules["R10"]["explanation"] = ("Nudes or semi-nudes of a child under 18: the DSL holds an initial review meeting; nobody views "
                               "or deletes the images or questions the children about them.")
rules["R29"] = {
    "id": "R29", "title": "Unknown online contact of unknown age: consult the police and CEOP",
    "condition": {"all": [{"ref": "childImageIncident"},
                          {"not": {"definitely": {"derivedTrue": "adultInvolved"}}},
                          {"any": [{"definitely": {"factTrue": "unknownOnlineContact"}},
                                   {"ref": "adultInvolvementUnknown"}]}]},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["POLICE_CONSULTATION", "CEOP_REPORT_OPTION"], "urgency": "SAME_DAY",
                "requiredActions": ["RECORD_CONCERN_DECISIONS_RATIONALE"],
                "removesInternalHandling": True, "dslDecisionRequired": True},
    "citations": [cite("UKCIS Sharing nudes and semi-nudes 2024", "Section 2: immediate referral trigger 1 (adult involved)",
                       "NON_STATUTORY", "UKCIS 2024", "K"),
                  cite("CEOP", "Reports of online sexual abuse and of worrying online contact", "NON_STATUTORY", "CEOP", "V")],
    "explanation": ("Someone who made, sent, received or asked for the images is an online contact whose age is not known: "
                    "consult the police and consider a CEOP report the same day. Internal handling is not offered until "
                    "the DSL has established that the contact is a child."),
}

# ---- A3: IIOC found
rules["R28"] = {
    "id": "R28", "title": "Child sexual abuse material found or accessed: police and IWF",
    "condition": {"incidentTypeIn": ["IIOC_FOUND"]},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["POLICE_REFERRAL", "CSC_REFERRAL_S17", "RISK_AND_NEEDS_ASSESSMENT"], "urgency": "IMMEDIATE",
                "requiredActions": ["PRESERVE_DEVICE", "RECORD_CONCERN_DECISIONS_RATIONALE"],
                "forbiddenActions": ["VIEW_IMAGE", "COPY_PRINT_SHARE_STORE_IMAGE", "DELETE_IMAGE_BEFORE_DSL_DECISION",
                                     "DELETE_IMAGE_WHEN_POLICE_INVOLVED"],
                "mandatoryReferral": True, "dslDecisionRequired": True},
    "also": [
        {"when": {"factTrue": "imageOnlineOrPlatform"}, "onUnknown": "IGNORE",
         "outcome": {"routes": ["IWF_URL_REPORT"]},
         "explanation": "the material is online: report it to the IWF and keep only the reference number"},
        {"when": {"anyParticipant": {"all": [{"roleIn": ["SUBJECT", "RECIPIENT", "REQUESTER", "IMAGE_CREATOR", "SENDER"]},
                                             {"ageYears": {"lt": 18}}]}},
         "onUnknown": "IGNORE",
         "outcome": {"requiredActions": ["SUPPORT_ALLEGED_PERPETRATOR"]},
         "explanation": "a child accessed or held the material: they are a child with their own welfare needs; consult children's social care (section 17 or 47, the DSL decides)"},
        {"when": {"derivedTrue": "anyUnder13InImage"}, "onUnknown": "IGNORE",
         "outcome": {"routes": ["CSC_REFERRAL_S47"], "mandatoryReferral": True},
         "explanation": "a child under 13 is depicted: significantly younger children increase the concern"},
    ],
    "citations": [cite(CSA, "Section 5: child sexual abuse images must be reported to the police; report to the IWF",
                       "NON_STATUTORY", "CSA Centre guide", "V"),
                  cite(CSA, "Section 7: the child must still be treated as a child with their own welfare needs",
                       "NON_STATUTORY", "CSA Centre guide", "V"),
                  cite(AIM, "Compare the ages of the children in the images with the child accessing them",
                       "NON_STATUTORY", "NSPCC/AIM", "V"),
                  cite("Protection of Children Act 1978", "s1", "STATUTORY", "Protection of Children Act 1978", "V"),
                  cite("Criminal Justice Act 1988", "s160", "STATUTORY", "Criminal Justice Act 1988", "K")],
    "explanation": ("Child sexual abuse material was found on a device or account, or a child accessed it: report to the "
                    "police, assess risks and needs, consult children's social care about the child who accessed it, and "
                    "nobody views, copies or deletes it."),
}

# ---- A4: image incidents are harmful sexual behaviour too
defs["hsbIncident"] = {"any": [copy.deepcopy(defs["hsbIncident"]),
                               {"all": [{"incidentTypeIn": IMAGE_TYPES + ["ONLINE_SEXUAL_HARASSMENT", "ONLINE_GROOMING"]},
                                        {"anyParticipant": {"all": [{"roleIn": ACTING_ROLES},
                                                                    {"ageYears": {"lt": 18}}]}}]}]}
r36 = rules["R36"]
r36["explanation"] = ("A power imbalance (age gap over two years, a prepubescent child with an older one, SEND), coercion or "
                      "violence, including where images were made, sent or requested: likely abusive; refer to children's "
                      "social care, consider the police, and no internal-only handling.")
r36["citations"].append(cite(CSA, "Technology-assisted HSB is assessed in the same way as any other harmful sexual behaviour",
                             "NON_STATUTORY", "CSA Centre guide", "V"))

# ---- A5: support both children
rules["R39"] = {
    "id": "R39", "title": "A child harmed by another child's behaviour: support both children",
    "condition": {"all": [{"ref": "hsbIncident"},
                          {"anyParticipant": {"all": [{"roleIn": ["VICTIM"]}, {"ageYears": {"lt": 18}}]}},
                          {"anyParticipant": {"all": [{"roleIn": ACTING_ROLES}, {"ageYears": {"lt": 18}}]}}]},
    "onUnknown": "FIRE",
    "outcome": {"requiredActions": ["SUPPORT_VICTIM", "SUPPORT_ALLEGED_PERPETRATOR"]},
    "citations": [cite(CSA, "Sections 6 and 7: support for the child harmed and for the child who displayed the behaviour",
                       "NON_STATUTORY", "CSA Centre guide", "V"),
                  cite("KCSIE 2025", "Part 5: support for victims and alleged perpetrators", "STATUTORY", "KCSIE 2025", "K")],
    "explanation": ("A child was harmed by another child's behaviour: support the child who was harmed and the child who "
                    "displayed the behaviour, who is a child with needs of their own."),
}

# ---- A6: do not blame or shame; the law reminder is not for the child depicted
rules["R06"] = {
    "id": "R06", "title": "A child depicted or harmed online: do not blame or shame",
    "condition": {"any": [{"ref": "childImageIncident"},
                          {"all": [{"ref": "hsbIncident"},
                                   {"anyParticipant": {"roleIn": ["VICTIM"]}},
                                   {"any": [{"incidentTypeIn": ["ONLINE_SEXUAL_HARASSMENT", "ONLINE_GROOMING"]},
                                            {"factTrue": "happenedOffSiteOrOnline"}]}]}]},
    "onUnknown": "IGNORE",
    "outcome": {"requiredActions": ["DO_NOT_BLAME_OR_SHAME"]},
    "citations": [cite(CSA, "Actions to avoid: do not remind them about the law; victim-blaming is harmful",
                       "NON_STATUTORY", "CSA Centre guide", "V")],
    "explanation": ("A child is depicted in an image or was harmed online: reassure them it is not their fault, and do not "
                    "lecture them about the law."),
}
rules["R18"]["explanation"] = ("After the DSL has decided on internal handling (attested), ask the young people who hold images "
                               "of another child to delete them from all devices, cloud storage and social media by a deadline, "
                               "and record the deletion. A reminder that holding such images is illegal is for those who hold "
                               "another child's images, never for the child depicted.")

rules["R23"]["explanation"] = ("An AI-generated or manipulated sexual image shows an identifiable child: treat it as any other "
                               "nude (the UKCIS triggers decide referral), support removal, and make clear to the child that "
                               "the harm is taken as seriously as for any other image.")

# ---- A7: devices
rules["R07"] = {
    "id": "R07", "title": "Do not take the harmed child's devices by default",
    "condition": {"all": [{"any": [{"ref": "imageIncident"},
                                   {"incidentTypeIn": ["ONLINE_SEXUAL_HARASSMENT", "ONLINE_GROOMING"]}]},
                          {"anyParticipant": {"roleIn": ["VICTIM"]}}]},
    "onUnknown": "IGNORE",
    "outcome": {"forbiddenActions": ["REMOVE_VICTIM_DEVICES_BY_DEFAULT"]},
    "citations": [cite(CSA, "Section 5: do not remove or restrict their access to devices as a default response",
                       "NON_STATUTORY", "CSA Centre guide", "V")],
    "explanation": ("A child was harmed through images or online: do not remove or restrict their devices as a default "
                    "response; devices are preserved only as the police or the DSL need."),
}
for r in rules.values():
    for o in outcomes(r):
        if POLICE & set(o.get("routes", [])):
            o.setdefault("requiredActions", [])
            add(o["requiredActions"], "ASK_CHILD_NOT_TO_DELETE_CONTENT")

# ---- A8: end-to-end encryption
r20 = rules["R20"]
r20["also"] = [{"when": {"factTrue": "endToEndEncryptedPlatform"}, "onUnknown": "IGNORE",
                "outcome": {"routes": ["IWF_URL_REPORT", "PLATFORM_REPORT"]},
                "explanation": ("the platform is end-to-end encrypted: Report Remove cannot act on end-to-end encrypted "
                                "messaging, so the IWF and platform reports carry the takedown")}]
r20["citations"].append(cite(CSA, "Section 5: Report Remove does not work for end-to-end encrypted apps",
                             "NON_STATUTORY", "CSA Centre guide", "V"))

# ---- A9: emotional abuse
rules["R68"] = {
    "id": "R68", "title": "Emotional or verbal abuse: DSL chooses the threshold",
    "condition": {"incidentTypeIn": ["EMOTIONAL_ABUSE"]},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["DSL_REVIEW", "EARLY_HELP"], "urgency": "SAME_DAY",
                "requiredActions": ["RECORD_THRESHOLD_CHOICE_AND_REASONS", "RECORD_CONCERN_DECISIONS_RATIONALE"],
                "dslDecisionRequired": True},
    "also": [
        {"when": {"factTrue": "harmedOrMayHaveHarmedChild"}, "onUnknown": "IGNORE",
         "outcome": {"routes": ["CSC_REFERRAL_S47"], "urgency": "IMMEDIATE", "mandatoryReferral": True},
         "explanation": "significant harm is suspected: a child protection referral"},
        {"when": {"factTrue": "patternOrRepeat"}, "onUnknown": "IGNORE",
         "outcome": {"routes": ["CSC_REFERRAL_S17"], "removesInternalHandling": True},
         "explanation": "a persistent pattern: a child in need referral"},
        {"when": {"possibly": {"factTrue": "parentIsSourceOfRisk"}}, "onUnknown": "IGNORE",
         "outcome": {"routes": ["PARENTS_DEFER_TO_CSC_POLICE"], "forbiddenActions": ["INFORM_PARENTS_BEFORE_CSC_ADVICE"]},
         "explanation": "a parent may be the source of harm: do not inform parents before children's social care advises"},
    ],
    "citations": [cite("KCSIE 2025", "Part 1: definitions of abuse (emotional abuse) and the duty to refer", "STATUTORY",
                       "KCSIE 2025", "K"),
                  cite("Working Together to Safeguard Children 2023", "Chapter 2: thresholds for early help, section 17 and section 47",
                       "STATUTORY", "WT 2023", "K")],
    "explanation": ("Emotional abuse (verbal abuse included): the DSL reviews it the same day and records the threshold "
                    "chosen and why: early help, a child in need referral (section 17), or a child protection referral "
                    "(section 47) where significant harm is suspected."),
}

# ---- A10: labels and citations as data
d["labels"] = {
    "routes": {k: {"label": v[0], "description": v[1]} for k, v in ROUTES.items()},
    "requiredActions": {k: {"label": v[0], "description": v[1]} for k, v in REQUIRED.items()},
    "forbiddenActions": {k: {"label": v[0], "description": v[1]} for k, v in FORBIDDEN.items()},
    "urgencies": {k: {"label": v[0], "description": v[1]} for k, v in URGENCY.items()},
}
for r in list(rules.values()) + d["conflicts"]:
    r["citations"] = [mark(r["id"], c) for c in r["citations"]]

def key(rid):
    return rid
d["rules"] = [rules[k] for k in sorted(rules)]
order = ["ruleSetId", "version", "title", "description", "guidanceVersion", "effectiveFrom", "flags", "labels",
         "definitions", "rules", "conflicts"]
out = {k: d[k] for k in order}
if __name__ == "__main__":
    open(ROOT + 'england-schools-2025.2.json', 'w').write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
