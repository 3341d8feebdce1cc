#!/usr/bin/env python3
"""Prose numbers of a Markdown tutorial against what its commands print now (tests/tutorial_test.sh).

Every number in a paragraph that says "this page was written" must be one that the command blocks
of the same "## " section print now: equal at the prose's precision (half up), or as a percentage
of a printed fraction, or a printed amount in millions. "±2" (a range's width) is exempt. So a
model change that moves an answer fails the tutorial test until the prose follows.

    tutorial_prose_check.py DOC WORK    (WORK holds block_NN.out, one per ```sh tutorial block)
"""
import decimal
import re
import sys

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def sections_of(doc):
    """Per "## " section: its prose lines and the numbers of its command blocks (from 1)."""
    sections, inside, block = [{"prose": [], "blocks": []}], False, 0
    for line in open(doc, encoding="utf-8").read().split("\n"):
        if line.startswith("```"):
            if not inside and line.startswith("```sh tutorial"):
                block += 1
                sections[-1]["blocks"].append(block)
            inside = not inside
            continue
        if not inside and line.startswith("## "):
            sections.append({"prose": [], "blocks": []})
        sections[-1]["prose"].append("" if inside else line)
    return sections


def printed_values(text):
    values = set()
    for m in NUMBER.finditer(text):
        x = decimal.Decimal(m.group().rstrip(",").replace(",", ""))
        values.update({x, x * 100, x / 1000000})
    return values


def is_printed(token, values):
    d = decimal.Decimal(token.replace(",", ""))
    quantum = decimal.Decimal(1).scaleb(d.as_tuple().exponent)
    return any(v.quantize(quantum, rounding=decimal.ROUND_HALF_UP) == d for v in values)


def main(doc, work):
    bad, checked, paragraphs = [], 0, 0
    for section in sections_of(doc):
        outputs = "".join(open(f"{work}/block_{b:02d}.out", encoding="utf-8").read()
                          for b in section["blocks"])
        values = printed_values(outputs)
        for paragraph in re.split(r"\n\s*\n", "\n".join(section["prose"])):
            if "this page was written" not in paragraph:
                continue
            paragraphs += 1
            for m in re.finditer(r"(?<![\w.])(±?)(\d[\d,]*(?:\.\d+)?)", paragraph):
                if m.group(1):
                    continue
                checked += 1
                token = m.group(2).rstrip(",")
                if not is_printed(token, values):
                    bad.append(token)
    if paragraphs == 0:
        print("tutorial: no paragraph says 'this page was written': nothing checked")
        return 1
    for token in bad:
        print(f"tutorial: the prose says {token}, which no command of its section prints now "
              "(at its precision, as a percentage or in millions): update the prose")
    print(f"tutorial: {checked} prose numbers in {paragraphs} paragraphs checked")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
