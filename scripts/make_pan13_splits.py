import hashlib, random
from pathlib import Path
root=Path('/work/shared/data/pan13-train')
classes=sorted(d.name for d in root.iterdir() if d.is_dir() and (d/'pairs').is_file())
def val(susp): return int(hashlib.sha1(susp.encode()).hexdigest(),16)%5==0
out=[]
for c in classes:
    pairs=[l.split() for l in (root/c/'pairs').read_text().splitlines() if l.strip()]
    pairs=[p for p in pairs if val(p[0])]
    random.Random(13).shuffle(pairs)
    def has_case(p):
        name=f"{p[0][:-4]}-{p[1][:-4]}.xml"
        return 'name="plagiarism"' in (root/c/name).read_text()
    if c.startswith('05'):  # few summary pairs hold a case: take 60 that do, 20 that do not
        pairs=[p for p in pairs if has_case(p)][:60]+[p for p in pairs if not has_case(p)][:20]
    out+= [f"{p[0]} {p[1]}" for p in sorted(pairs[:80])]
Path('/work/main/benchmarks/pan13-gate.pairs').write_text("\n".join(out)+"\n")
allp=[l.split() for l in (root/'pairs').read_text().splitlines() if l.strip()]
Path('/work/main/benchmarks/pan13-validation.pairs').write_text("\n".join(f"{a} {b}" for a,b in allp if val(a))+"\n")
Path('/tmp/pan13-dev.pairs').write_text("\n".join(f"{a} {b}" for a,b in allp if not val(a))+"\n")
print(len(out), sum(1 for a,b in allp if val(a)))
