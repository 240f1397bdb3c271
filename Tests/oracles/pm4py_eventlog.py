#!/usr/bin/env python3
"""Independent check of procmod's event logs with PM4Py (a test oracle, never used at run time).

    pm4py_eventlog.py LOG.csv LOG.xes REPORT.json

Reads the CSV log with pandas + pm4py.format_dataframe and the XES log with pm4py.read_xes, and checks:
- both logs hold the same cases and the same activities;
- PM4Py discovers a process (inductive miner) from each, and every case of the log replays on it;
- per resource, the mean of start - enabled (CSV) and of start - procmod:enabled (XES) equals the
  simulator's own meanWaitMinutes in REPORT.json (`procmod simulate --format json`, one replication),
  to 0.01 minute.
Prints one JSON line and exits 0 when every check holds, 1 otherwise, 2 when PM4Py is missing.
"""
import json
import sys

try:
    import pandas as pd
    import pm4py
except ImportError as error:  # the caller skips the test
    print(json.dumps({"skipped": str(error)}))
    sys.exit(2)


def main(csv_path, xes_path, report_path):
    failures = []
    frame = pd.read_csv(csv_path, dtype={"case_id": str})
    for column in ("enabled", "start", "end"):
        frame[column] = pd.to_datetime(frame[column], format="ISO8601", utc=True)
    work = frame[frame["lifecycle"] == "work"]
    csv_log = pm4py.format_dataframe(work.copy(), case_id="case_id", activity_key="activity", timestamp_key="end",
                                     start_timestamp_key="start")
    xes = pm4py.read_xes(xes_path)
    xes_starts = xes[xes["lifecycle:transition"] == "start"]

    cases_csv = set(work["case_id"])
    cases_xes = set(xes["case:concept:name"])
    if cases_csv != cases_xes:
        failures.append(f"cases differ: {len(cases_csv)} in the CSV, {len(cases_xes)} in the XES")
    activities_csv = set(work["activity"])
    activities_xes = set(xes_starts["concept:name"]) - {a for a in xes_starts["concept:name"] if a.endswith(" (delay)")}
    if activities_csv != activities_xes:
        failures.append(f"activities differ: {sorted(activities_csv ^ activities_xes)}")

    for name, log in (("csv", csv_log), ("xes", xes[xes["lifecycle:transition"] == "complete"])):
        net, initial, final = pm4py.discover_petri_net_inductive(log)
        fitness = pm4py.fitness_token_based_replay(log, net, initial, final)
        if fitness["perc_fit_traces"] < 100:
            failures.append(f"{name}: only {fitness['perc_fit_traces']}% of cases replay on the discovered net")

    report = json.load(open(report_path))
    waits_csv = ((work["start"] - work["enabled"]).dt.total_seconds() / 60).groupby(work["resource"]).mean()
    enabled_xes = pd.to_datetime(xes_starts["procmod:enabled"], utc=True)
    started_xes = pd.to_datetime(xes_starts["time:timestamp"], utc=True)
    waits_xes = ((started_xes - enabled_xes).dt.total_seconds() / 60).groupby(xes_starts["org:resource"]).mean()
    compared = 0
    for actor, figures in report["actors"].items():
        simulated = figures.get("meanWaitMinutes", {}).get("mean")
        if simulated is None or actor not in waits_csv:
            continue
        compared += 1
        for name, waits in (("csv", waits_csv), ("xes", waits_xes)):
            if abs(waits[actor] - simulated) > 0.01:
                failures.append(f"{name}: actor {actor} waits {waits[actor]:.4f} min in the log, {simulated:.4f} in the simulator")
    if compared == 0:
        failures.append("no actor to compare")
    print(json.dumps({"cases": len(cases_csv), "actors compared": compared, "failures": failures}))
    return 0 if not failures else 1


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
