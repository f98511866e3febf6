# Constructs PEKPPP answers whose IPP is exactly a published figure, from a rule bundle's own
# tables (the published history of docs/examples/history/ gives indices, never answers).
# Every indicator is answered at the level just above the figure, then the fewest indicators
# one level lower (the first such set in indicator order) so that the unrounded IPP equals the
# figure exactly; information-only indicators get the same level. Exact integer arithmetic in
# 1/10000 of an IPP point (aspect weight % x indicator weight %).
#   python3 rules/tools/published_history_answers.py rules/pekppp-2022/methodology 4.56
import csv, json, math, sys
from decimal import Decimal

folder, target = sys.argv[1], Decimal(sys.argv[2])
rows = lambda name: list(csv.DictReader(l for l in open(folder + '/' + name, encoding='utf-8') if not l.startswith('#')))
aspects = {r['id']: Decimal(r['weight']) for r in rows('aspects.csv')}
indicators = rows('indicators.csv')
coef = {r['id']: int(aspects[r['aspect']] * Decimal(r['weight'])) for r in indicators}
level = math.ceil(target)
missing = int(level * 10000 - target * 10000)  # what the lowered indicators take away
# best[s]: the fewest indicators (first in order) whose coefficients add up to s
best = {0: ()}
for k, r in enumerate(indicators):
    c = coef[r['id']]
    if c == 0: continue
    for s, chosen in sorted(best.items(), reverse=True):
        t = s + c
        if t <= missing and (t not in best or (len(chosen) + 1, chosen + (k,)) < (len(best[t]), best[t])):
            best[t] = chosen + (k,)
if missing not in best:
    sys.exit('no answers give exactly %s' % target)
lowered = {indicators[k]['id'] for k in best[missing]}
answers = {r['id']: level - 1 if r['id'] in lowered else level for r in indicators}
ipp = sum(Decimal(coef[i]) * a for i, a in answers.items()) / 10000
assert ipp == target, ipp
print(json.dumps(answers))
