#!/usr/bin/env python3
"""Constructs golden cases for a weighted-index rule bundle (answers chosen from options).

For every band edge it searches answer vectors whose exact index (computed with rational
arithmetic, independently of the Java engine) lands just below and just at the edge, plus
one case per aspect (only that aspect answered at the top option) and all-top/all-bottom.
The expected values are computed here, half-up to the descriptor's decimals, so the engine
is checked against a second implementation of the regulation's formula.

usage: golden_cases.py <bundle methodology folder> [--bands FILE] > golden-cases.csv
"""
import csv, random, sys
from fractions import Fraction as F
from decimal import Decimal, ROUND_HALF_UP

def table(path):
    return list(csv.DictReader(l for l in open(path, encoding='utf-8') if l.strip() and not l.startswith('#')))

folder = sys.argv[1]
bands_file = sys.argv[sys.argv.index('--bands') + 1] if '--bands' in sys.argv else folder + '/bands.csv'
props = dict(l.strip().split('=', 1) for l in open(folder + '/methodology.properties', encoding='utf-8')
             if '=' in l and not l.startswith('#'))
decimals = int(props['scale.decimals'])
aspects = {r['id']: (F(r['weight']), F(r.get('indicator_total') or '100')) for r in table(folder + '/aspects.csv')}
indicators = table(folder + '/indicators.csv')
options = sorted({F(r['value']) for r in table(folder + '/options.csv') if r['indicator'] == '*'})
bands = sorted(((F(r['min']), F(r['max']), r['code']) for r in table(bands_file)), reverse=True)
scored = [r for r in indicators if F(r['weight']) > 0]
coef = [aspects[r['aspect']][0] / 100 * F(r['weight']) / aspects[r['aspect']][1] for r in scored]

def index(ans):
    return sum(c * a for c, a in zip(coef, ans))

def round_half_up(v):
    q = F(1, 10 ** decimals)
    n = (v / q)
    floor = n.numerator // n.denominator
    frac = n - floor
    r = floor + (1 if frac >= F(1, 2) else 0)
    return Decimal(r).scaleb(-decimals)

def band(r):
    for lo, hi, code in bands:
        if F(str(r)) >= lo:
            return code
    return bands[-1][2]

def search(target, rng, tries=40):
    """An answer vector whose index is as close to target as the options allow."""
    best = None
    for _ in range(tries):
        ans = [rng.choice(options) for _ in coef]
        v = index(ans)
        improved = True
        while improved:
            improved = False
            for k in rng.sample(range(len(coef)), len(coef)):
                for o in options:
                    if o == ans[k]:
                        continue
                    nv = v + coef[k] * (o - ans[k])
                    if abs(nv - target) < abs(v - target):
                        ans[k], v, improved = o, nv, True
        if best is None or abs(v - target) < abs(index(best) - target):
            best = list(ans)
    return best

rng = random.Random(2017)
unit = F(1, 10 ** decimals)
cases = []
def add(name, ans):
    r = round_half_up(index(ans))
    cases.append((name, r, band(r), ans))

add('all answers %s' % options[-1], [options[-1]] * len(coef))
add('all answers %s' % options[0], [options[0]] * len(coef))
for a, (w, t) in aspects.items():
    if w == 0:
        continue
    add('only aspect %s at %s (weight %s%%)' % (a, options[-1], w), [options[-1] if r['aspect'] == a else options[0] for r in scored])
for lo, hi, code in bands[:-1]:
    # Just under the rounding boundary, on it, and at the band's own minimum.
    for target in (lo - unit / 2 - F(1, 10 ** (decimals + 4)), lo - unit / 2, lo):
        ans = search(target, rng)
        add('near the edge of band %s at %s: unrounded %.6f' % (code, float(lo), float(index(ans))), ans)
ids = [r['id'] for r in indicators]
w = csv.writer(sys.stdout, lineterminator='\n')
print('# Golden cases, constructed by rules/tools/golden_cases.py: expected index and band computed')
print('# there with exact rational arithmetic, half-up to %d decimals. Blank = not answered.' % decimals)
w.writerow(['case', 'index', 'band'] + ids)
for name, r, b, ans in cases:
    row = {s['id']: a for s, a in zip(scored, ans)}
    w.writerow([name, str(r), b] + [('' if i not in row else str(row[i].numerator) if row[i].denominator == 1 else str(float(row[i]))) for i in ids])
