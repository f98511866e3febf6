#!/usr/bin/env python3
"""Golden cases for the SKM band edges: for each edge, the smallest survey (respondents all
answering the nine elements 1-4) whose exact IKM = 25 x sum / (9 x respondents), rounded
half-up to 2 decimals, lands on the value just below and just at the edge. Expected values
are computed here with rational arithmetic, independently of the rules.

usage: skm_edge_cases.py <bundle methodology folder> >> golden-cases.csv
"""
import csv, sys
from fractions import Fraction as F

folder = sys.argv[1]
bands = [r for r in csv.DictReader(l for l in open(folder + '/bands.csv', encoding='utf-8') if l.strip() and not l.startswith('#'))]
ELEMENTS = 9

def half_up(v):
    q = v * 100
    whole = q.numerator // q.denominator
    return F(whole + (1 if q - whole >= F(1, 2) else 0), 100)

def band(value):
    return next(b['code'] for b in bands if F(b['min']) <= value <= F(b['max']))

def survey(target):
    for n in range(1, 200):
        for total in range(ELEMENTS * n, 4 * ELEMENTS * n + 1):
            if half_up(F(25 * total, ELEMENTS * n)) == target:
                return n, total
    raise SystemExit('no survey gives %s' % target)

w = csv.writer(sys.stdout, lineterminator='\n')
for b in sorted(bands, key=lambda b: F(b['min'])):
    if F(b['min']) == 25:
        continue
    for target in (F(b['min']) - F(1, 100), F(b['min'])):
        n, total = survey(target)
        answers = [total // (ELEMENTS * n)] * (ELEMENTS * n)
        for k in range(total - sum(answers)):
            answers[k] += 1
        name = 'edge %s: %d respondents, answers summing to %d' % (format(float(target), '.2f'), n, total)
        for r in range(n):
            w.writerow([name, format(float(target), '.2f'), band(target)] + answers[r * ELEMENTS:(r + 1) * ELEMENTS])
