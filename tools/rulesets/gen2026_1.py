import json, copy, sys, re
sys.path.insert(0, __import__('os').path.dirname(__file__))
import gen2025_2 as base
from labels import ROUTES_2026
ROOT = base.ROOT
d = copy.deepcopy(base.out)
rules = {r['id']: r for r in d['rules']}
cite = base.cite
K26 = "KCSIE 2026"

d["version"] = "2026.1"
d["title"] = "England schools safeguarding thresholds 2026/27"
d["description"] = ("KCSIE 2026 (in force 2026-09-01) and Working Together 2026, with the corrections A1-A10 of "
                    "threshold-guidance.md section 14.1 and the names of section 14.2; kcsie-2026.md section 4 row by row. "
                    "CHANGES-2026.1.md explains every change from 2025.2. KCSIE 2026 text rests on secondary sources "
                    "(confidence S) until the paragraphs are verified. Every rule must be signed off by a qualified DSL or "
                    "LA safeguarding lead before go-live.")
d["guidanceVersion"] = ("KCSIE 2026; Working Together 2026; UKCIS Sharing nudes and semi-nudes 2024; CSA Centre TA-HSB guide; "
                        "Crime and Policing Act 2026 (reporting duty not commenced)")
d["effectiveFrom"] = "2026-09-01"
for k, v in ROUTES_2026.items():
    d["labels"]["routes"][k] = {"label": v[0], "description": v[1]}

# ---- row 16 / section 14.2: every citation names its edition; 2026 text is from secondary sources
def to2026(c):
    c = dict(c)
    if c["source"] == "KCSIE 2025":
        c["source"] = K26
        c["edition"] = K26
        c["confidence"] = "S"
        # 2025 paragraph numbers are not carried over mechanically (kcsie-2026.md section 4 row 16)
        c["section"] = re.sub(r" para [0-9]+", "", c["section"])
    elif c["source"] == "Working Together to Safeguard Children 2023":
        c["source"] = "Working Together to Safeguard Children 2026"
        c["edition"] = "WT 2026"
        c["confidence"] = "S"
    return c
for r in list(rules.values()) + d["conflicts"]:
    r["citations"] = [to2026(c) for c in r["citations"]]

def outcomes(rule):
    yield rule["outcome"]
    for a in rule.get("also", []):
        yield a["outcome"]

# ---- row 1: early help split into community early help and Family Help
for rid in ("R34", "R38", "R52", "R60", "R68"):
    for o in outcomes(rules[rid]):
        if "EARLY_HELP" in o.get("routes", []):
            o["routes"] = ["LA_FAMILY_HELP" if x == "EARLY_HELP" else x for x in o["routes"]]
            base.add(o.setdefault("requiredActions", []), "RECORD_THRESHOLD_CHOICE_AND_REASONS")
    rules[rid]["explanation"] = rules[rid]["explanation"].replace("early help", "Family Help").replace(
        "Early help", "Family Help")
    rules[rid]["citations"].append(cite(K26, "Part 1 para 58 and 62: internal support, family help assessment or statutory referral",
                                        "STATUTORY", K26, "S"))
rules["R70"] = {
    "id": "R70", "title": "Early support indicators: community early help or Family Help",
    "condition": {"any": [{"factTrue": "childPregnantOrParent"}, {"factTrue": "earlyAbusiveOrHarmfulBehaviour"}]},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["DSL_REVIEW", "COMMUNITY_EARLY_HELP"], "urgency": "REVIEW",
                "requiredActions": ["RECORD_THRESHOLD_CHOICE_AND_REASONS", "RECORD_CONCERN_DECISIONS_RATIONALE"]},
    "citations": [cite(K26, "Part 1: children who may benefit from support before statutory intervention", "STATUTORY", K26, "S"),
                  cite("Working Together to Safeguard Children 2026", "Chapter 3: family help", "STATUTORY", "WT 2026", "S")],
    "explanation": ("A child who is pregnant or a parent, or who shows early abusive or harmful behaviour, may benefit from "
                    "support before statutory intervention: the DSL considers community early help or a family help "
                    "assessment and records the choice and the reasons."),
}

# ---- row 2: every nudes incident gets a safeguarding response, made-not-shared included
defs = d["definitions"]
defs["imageIncident"]["any"][1]["definitely"]["any"].append({"factTrue": "madeNotShared"})
rules["R10"]["explanation"] = ("Nudes or semi-nudes of a child under 18, made or shared, consensual or not: every such incident "
                               "gets a safeguarding response. The DSL holds an initial review meeting; nobody views or deletes "
                               "the images or questions the children about them.")
rules["R10"]["citations"].append(cite(K26, "Part 5 para 540 and 557: making or sharing nudes; the law exists to protect, not criminalise",
                                      "STATUTORY", K26, "S"))

# ---- row 3: AI images without the identifiable-child condition; nudification tools; generative-AI contact
r23 = rules["R23"]
r23["condition"] = {"all": [{"ref": "childImageIncident"},
                            {"any": [{"incidentTypeIn": ["AI_SEXUAL_IMAGE"]}, {"factTrue": "aiGeneratedOrManipulated"}]}]}
r23["title"] = "AI-generated or manipulated sexual image of a child"
r23["explanation"] = ("An AI-generated or manipulated sexual image of a child, whether or not the child can be identified: a "
                      "realistic synthetic image counts as a photograph in law, so treat it as any other nude (the UKCIS "
                      "triggers decide referral), support removal, and never suggest that the harm is less because the image "
                      "was generated.")
r23["citations"].append(cite(K26, "Definitions and footnote 145: images digitally altered or wholly generated using AI",
                             "STATUTORY", K26, "S"))
r23["citations"].append(cite("Protection of Children Act 1978", "s7: pseudo-photographs", "STATUTORY",
                             "Protection of Children Act 1978", "V"))
rules["R76"] = {
    "id": "R76", "title": "A nudification tool was used: consult the police",
    "condition": {"all": [{"ref": "possibleImages"}, {"factTrue": "nudificationToolUsed"}]},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["POLICE_CONSULTATION", "RISK_AND_NEEDS_ASSESSMENT"], "urgency": "SAME_DAY",
                "requiredActions": ["RECORD_CONCERN_DECISIONS_RATIONALE"], "removesInternalHandling": True,
                "dslDecisionRequired": True},
    "citations": [cite("Crime and Policing Act 2026", "Offences concerning nudification tools", "STATUTORY",
                       "Crime and Policing Act 2026", "S"),
                  cite(K26, "Part 2 para 160: the prevalence of deepfakes", "STATUTORY", K26, "S")],
    "explanation": ("A nudification tool was used to make a sexual image: this may be a criminal offence, so the DSL consults "
                    "the police and assesses the risks to the child depicted and the needs of the child who used it."),
}
rules["R77"] = {
    "id": "R77", "title": "Harmful interaction with a generative-AI application",
    "condition": {"factTrue": "generativeAiContactRisk"},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["DSL_REVIEW", "RISK_AND_NEEDS_ASSESSMENT"], "urgency": "SAME_DAY",
                "requiredActions": ["RECORD_CONCERN_DECISIONS_RATIONALE"]},
    "citations": [cite(K26, "Part 2 para 165: contact risk includes generative AI applications that simulate harmful interaction",
                       "STATUTORY", K26, "S")],
    "explanation": ("A child has had harmful interaction with a generative-AI application: the DSL assesses the risk as a "
                    "contact risk, as for harmful interaction with another user."),
}

# ---- row 4: Part five around the continuum; misogyny; specialist assessment
for rid in ("R36", "R38"):
    base.add(rules[rid]["outcome"]["routes"], "SPECIALIST_HSB_ASSESSMENT")
    rules[rid]["citations"].append(cite(K26, "Part 5: the continuum from harmful sexual behaviour to sexual violence",
                                        "STATUTORY", K26, "S"))
rules["R36"]["explanation"] += " Seek a specialist (AIM-trained) harmful sexual behaviour assessment."
rules["R38"]["explanation"] += " Seek a specialist harmful sexual behaviour assessment."
rules["R39"]["citations"].append(cite(K26, "Part 1: child-on-child abuse is a safeguarding issue for all children involved",
                                      "STATUTORY", K26, "S"))
rules["R75"] = {
    "id": "R75", "title": "Harmful sexual behaviour in a context of misogyny",
    "condition": {"all": [{"ref": "hsbIncident"}, {"factTrue": "misogynyContext"}]},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["RISK_AND_NEEDS_ASSESSMENT"], "urgency": "SAME_DAY",
                "requiredActions": ["SUPPORT_VICTIM", "SUPPORT_ALLEGED_PERPETRATOR", "RECORD_CONCERN_DECISIONS_RATIONALE"],
                "dslDecisionRequired": True},
    "citations": [cite(K26, "Part 1 and Part 5: misogyny in child-on-child abuse", "STATUTORY", K26, "S")],
    "explanation": ("Misogyny is part of the behaviour: an aggravating context. Assess risks and needs, support both children, "
                    "and address the attitudes through education."),
}

# ---- row 5: agency and contractor staff
r43 = rules["R43"]
for c in r43["condition"]["all"]:
    if "anyParticipant" in c:
        for p in c["anyParticipant"]["all"]:
            if "staffRoleIn" in p:
                p["staffRoleIn"] = ["SUPPLY", "CONTRACTOR"]
r43["title"] = "Allegation against agency or contractor staff: school leads, agency informed"
r43["explanation"] = ("The allegation is about someone supplied by an agency or a contractor: the school shares responsibility, "
                      "gathers the facts and manages the safeguarding process, refers to the LADO and involves the agency, which "
                      "usually leads any disciplinary action.")
r43["citations"].append(cite(K26, "Part 4: allegations about agency and third-party staff", "STATUTORY", K26, "S"))

# ---- row 6: weapons
rules["R72"] = {
    "id": "R72", "title": "A child carrying, using or intending to use a weapon",
    "condition": {"factTrue": "weaponConcern"},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["DSL_REVIEW", "RISK_AND_NEEDS_ASSESSMENT"], "urgency": "SAME_DAY",
                "requiredActions": ["INFORM_DSL", "RECORD_CONCERN_DECISIONS_RATIONALE"]},
    "also": [
        {"when": {"factTrue": "immediateRiskOfHarm"}, "onUnknown": "IGNORE",
         "outcome": {"routes": ["POLICE_REFERRAL"], "urgency": "IMMEDIATE", "mandatoryReferral": True,
                     "requiredActions": ["ASK_CHILD_NOT_TO_DELETE_CONTENT"]},
         "explanation": "immediate risk: the police"},
        {"when": {"factTrue": "immediateDangerToLife"}, "onUnknown": "IGNORE",
         "outcome": {"routes": ["POLICE_999"], "urgency": "EMERGENCY_NOW", "mandatoryReferral": True,
                     "requiredActions": ["ASK_CHILD_NOT_TO_DELETE_CONTENT"]},
         "explanation": "danger to life: call 999"},
    ],
    "citations": [cite(K26, "Part 1: concerns about weapons must be reported to the DSL, who carries out a risk assessment",
                       "STATUTORY", K26, "S")],
    "explanation": ("A concern that a child is carrying, using or intending to use a weapon: report it to the DSL, who carries "
                    "out a risk assessment the same day; the police where there is immediate risk."),
}

# ---- row 7: child-to-caregiver abuse; verbal abuse is emotional abuse
rules["R73"] = {
    "id": "R73", "title": "Child-to-caregiver abuse",
    "condition": {"incidentTypeIn": ["CHILD_TO_CAREGIVER_ABUSE"]},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["DSL_REVIEW", "LA_FAMILY_HELP"], "urgency": "SAME_DAY",
                "requiredActions": ["RECORD_THRESHOLD_CHOICE_AND_REASONS", "RECORD_CONCERN_DECISIONS_RATIONALE"],
                "dslDecisionRequired": True},
    "citations": [cite(K26, "Part 1: child-to-caregiver abuse as a form of abuse", "STATUTORY", K26, "S")],
    "explanation": ("A child is abusing a parent or caregiver: the DSL reviews it the same day, considers Family Help, and looks "
                    "at what may lie behind the behaviour, including the child's own experience of harm."),
}
rules["R68"]["citations"].append(cite(K26, "Part 1: verbal abuse may be emotional abuse", "STATUTORY", K26, "S"))

# ---- row 8: exploitation, organised networks, coerced offending
rules["R58"].setdefault("also", []).append(
    {"when": {"factTrue": "organisedNetwork"}, "onUnknown": "IGNORE",
     "outcome": {"routes": ["NRM_REFERRAL_VIA_FIRST_RESPONDER"]},
     "explanation": "an organised network or gang: consider the National Referral Mechanism via the local authority"})
rules["R59"]["condition"]["any"].append({"definitely": {"factTrue": "coercedOffending"}})
rules["R59"]["explanation"] = ("Indicators of child criminal exploitation (county lines, unexplained money or phones, going missing, "
                               "offending under coercion, an organised network): refer to children's social care and the police, "
                               "consider the National Referral Mechanism, and treat the child as a victim.")
for rid in ("R58", "R59"):
    rules[rid]["citations"].append(cite(K26, "Part 1: CSE and CCE by organised networks; children criminalised for actions taken under coercion",
                                        "STATUTORY", K26, "S"))

# ---- row 9: Operation Encompass
rules["R60"]["citations"].append(cite(K26, "Operation Encompass: police contact schools the next day after domestic abuse incidents",
                                      "STATUTORY", K26, "S"))

# ---- row 10: self-harm and mental health
rules["R62"]["citations"].append(cite(K26, "Paras 609-610 and 621: danger means 999 or A&E; self-harm is reported to the DSL",
                                      "STATUTORY", K26, "S"))

# ---- row 11: DSL unavailable
rules["R71"] = {
    "id": "R71", "title": "The DSL is unavailable: a deputy acts without delay",
    "condition": {"factTrue": "dslUnavailable"},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["DSL_REVIEW"], "urgency": "IMMEDIATE",
                "requiredActions": ["ESCALATE_TO_DEPUTY_DSL_WITHOUT_DELAY", "RECORD_CONCERN_DECISIONS_RATIONALE"]},
    "citations": [cite(K26, "Part 2: arrangements for when the DSL is unavailable", "STATUTORY", K26, "S")],
    "explanation": ("The DSL is unavailable: take the concern to a deputy DSL or the agreed shared route now, so it is acted on "
                    "without delay."),
}

# ---- row 12: information sharing, moving schools
rules["R74"] = {
    "id": "R74", "title": "Information requested by another setting: decide and record",
    "condition": {"factTrue": "informationRequestFromOtherSetting"},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["DSL_REVIEW"], "urgency": "WITHIN_5_DAYS",
                "requiredActions": ["RECORD_INFORMATION_SHARING_DECISION", "RECORD_CONCERN_DECISIONS_RATIONALE"]},
    "citations": [cite(K26, "Part 2 paras 150-151: information sharing when children move", "STATUTORY", K26, "S"),
                  cite("Children Act 2004", "s16LA (inserted by the Children's Wellbeing and Schools Act 2026)", "STATUTORY",
                       "Children Act 2004", "S")],
    "explanation": ("Another setting or agency asks for safeguarding information: share what keeps the child safe; a decision "
                    "not to share needs its reason (more harmful to the child than sharing) recorded."),
}
base.add(rules["R64"]["outcome"]["requiredActions"], "RECORD_INFORMATION_SHARING_DECISION")
rules["R64"]["citations"].append(cite(K26, "Part 2 paras 150-151: advance information sharing when children move", "STATUTORY",
                                      K26, "S"))

# ---- row 13: attendance: keep the child-missing-education and absence triggers (R61); add a persistent-pattern trigger
rules["R78"] = {
    "id": "R78", "title": "A persistent or repeated pattern of absence",
    "condition": {"factTrue": "persistentAbsencePattern"},
    "onUnknown": "IGNORE",
    "outcome": {"routes": ["DSL_REVIEW", "COMMUNITY_EARLY_HELP"], "urgency": "WITHIN_5_DAYS",
                "requiredActions": ["RECORD_THRESHOLD_CHOICE_AND_REASONS", "RECORD_CONCERN_DECISIONS_RATIONALE"]},
    "also": [
        {"when": {"factTrue": "noImprovementAfterSupport"}, "onUnknown": "IGNORE",
         "outcome": {"routes": ["LA_FAMILY_HELP"]},
         "explanation": "the pattern continues after support: a request for Family Help"},
        {"when": {"any": [{"factTrue": "cseIndicators"}, {"factTrue": "cceIndicators"}, {"factTrue": "fgmRisk"},
                          {"factTrue": "forcedMarriageRisk"}]},
         "outcome": {"routes": ["POLICE_REFERRAL", "CSC_REFERRAL_S47"], "urgency": "IMMEDIATE", "mandatoryReferral": True,
                     "requiredActions": ["ASK_CHILD_NOT_TO_DELETE_CONTENT"]},
         "explanation": ("with exploitation, FGM or forced marriage indicators: refer to children's social care and the "
                         "police")},
    ],
    "citations": [cite(K26, "Part 2: children absent from education, particularly repeatedly, as a warning sign",
                       "STATUTORY", K26, "S"),
                  cite("Working together to improve school attendance 2024", "Persistent and severe absence: support first",
                       "STATUTORY", "Working together to improve school attendance 2024", "S")],
    "explanation": ("A persistent or repeated pattern of absence, even where each absence is explained, can be a warning sign of "
                    "abuse, exploitation or other harm: within five school days the DSL looks at what lies behind it with the "
                    "child and family, considers community early help, and records the choice and the reasons."),
}

# ---- row 14: the statutory duty to report child sexual abuse, behind its flag
r67 = rules["R67"]
r67["outcome"]["routes"] = ["STATUTORY_CSA_NOTIFICATION"]
r67["citations"] = [cite("Crime and Policing Act 2026", "Part 5 Chapter 2: duty to report child sexual abuse (enacted 29 April 2026, not commenced)",
                         "STATUTORY", "Crime and Policing Act 2026", "V")]
r67["explanation"] = ("A person in regulated activity was told of, saw, or saw images of child sexual abuse: once the duty is in "
                      "force they must notify the police or local authority themselves as soon as practicable; the DSL cannot "
                      "absorb this duty.")

# ---- every citation's mark from the line-by-line transcription
for r in list(rules.values()) + d["conflicts"]:
    r["citations"] = [base.mark(r["id"], c, "2026.1") for c in r["citations"]]

d["rules"] = [rules[k] for k in sorted(rules)]
if __name__ == "__main__":
    open(ROOT + 'england-schools-2026.1.json', 'w').write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
