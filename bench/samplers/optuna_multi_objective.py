# The Optuna side of MultiObjective.java (same problems, seeds, budgets and references).
# Run: /usr/bin/python3 bench/samplers/optuna_multi_objective.py   (Debian python3-optuna 3.1)
import math, optuna, numpy as np
from optuna._hypervolume import WFG
optuna.logging.set_verbosity(optuna.logging.WARNING)
def zdt1(t):
    x1=t.suggest_float("x1",0,1); s=sum(t.suggest_float(f"x{i}",0,1) for i in range(2,5)); g=1+9/3*s
    return x1, g*(1-math.sqrt(x1/g))
def dtlz2(t):
    a=t.suggest_float("x1",0,1)*math.pi/2; b=t.suggest_float("x2",0,1)*math.pi/2
    g=(t.suggest_float("x3",0,1)-.5)**2+(t.suggest_float("x4",0,1)-.5)**2
    return (1+g)*math.cos(a)*math.cos(b),(1+g)*math.cos(a)*math.sin(b),(1+g)*math.sin(a)
def hv(st,ref):
    pts=np.array([t.values for t in st.best_trials]); pts=pts[np.all(pts<ref,axis=1)]
    return WFG().compute(pts,np.array(ref)) if len(pts) else 0
for name in ['tpe','tpe_mv','nsga2','random']:
    z=[];d=[]
    for s in range(1,6):
        mk=lambda: {'tpe':optuna.samplers.TPESampler(seed=s),'tpe_mv':optuna.samplers.TPESampler(seed=s,multivariate=True),'random':optuna.samplers.RandomSampler(seed=s),'nsga2':optuna.samplers.NSGAIISampler(seed=s)}[name]
        st=optuna.create_study(directions=['minimize']*2,sampler=mk()); st.optimize(zdt1,n_trials=50); z.append(hv(st,[1.1,4]))
        st=optuna.create_study(directions=['minimize']*3,sampler=mk()); st.optimize(dtlz2,n_trials=40); d.append(hv(st,[1.1]*3))
    print(name, round(np.mean(z),3), round(np.mean(d),3))
