"""An independent reader of Framewise's reliability matrix CSV (docs/agreement.md).

Standard library only, because R's irr and Python's krippendorff cannot be installed on
the build machine. It reads the file the way the documented recipe does:

    m = pd.read_csv(path, index_col=0, keep_default_na=False, na_values=["NA"])
    codes = ...  # every value coded as a number, sorted
    krippendorff.alpha(reliability_data=codes.T.to_numpy(), level_of_measurement="nominal")

that is, rows = annotators, columns = units, "NA" (and only "NA") missing as nan, and
computes nominal alpha from the coincidence matrix (Krippendorff 2011, section C), written
from the textbook rather than from Framewise's TypeScript.

Usage: python3 krippendorff_reader.py matrix.csv  ->  prints JSON on stdout.
"""

import csv
import json
import math
import sys


def read_reliability_data(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    annotators = header[1:]
    unit_ids = [row[0] for row in body]
    if len(set(unit_ids)) != len(unit_ids):
        raise ValueError("unit ids (the index column) are not unique")
    values = sorted({cell for row in body for cell in row[1:] if cell != "NA"})
    code = {value: float(index) for index, value in enumerate(values)}
    # krippendorff wants annotators in rows: transpose.
    data = [
        [math.nan if row[1 + a] == "NA" else code[row[1 + a]] for row in body]
        for a in range(len(annotators))
    ]
    return annotators, unit_ids, values, data


def nominal_alpha(data):
    """Krippendorff's alpha, nominal, from a coders x units matrix with nan as missing."""
    units = len(data[0]) if data else 0
    coincidences = {}
    for u in range(units):
        column = [row[u] for row in data if not math.isnan(row[u])]
        m_u = len(column)
        if m_u < 2:
            continue  # a unit coded by fewer than two coders is not pairable
        counts = {}
        for value in column:
            counts[value] = counts.get(value, 0) + 1
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                coincidences[(c, k)] = coincidences.get((c, k), 0.0) + pairs / (m_u - 1)
    n_c = {}
    for (c, _k), o in coincidences.items():
        n_c[c] = n_c.get(c, 0.0) + o
    n = sum(n_c.values())
    if n <= 1:
        return None, "no pairable units"
    observed = sum(o for (c, k), o in coincidences.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k) / (n - 1)
    if expected == 0:
        return None, "no variation"
    return 1 - observed / expected, None


def main():
    annotators, unit_ids, values, data = read_reliability_data(sys.argv[1])
    alpha, reason = nominal_alpha(data)
    json.dump(
        {
            "annotators": annotators,
            "units": len(unit_ids),
            "values": values,
            "alpha": alpha,
            "undefined": reason,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
