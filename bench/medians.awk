# Reads lines "LABEL SECONDS STEPS_PER_SECOND" (alternating builds or flag sets) and prints, per
# label, every figure and the medians; -v first=... and second=... name the two labels
# (A or old, the other).
# Used by pairs.sh and flags.sh.
{ wall[$1] = wall[$1] " " $2; rate[$1] = rate[$1] " " sprintf("%.3g", $3); w[$1, ++n[$1]] = $2; r[$1, n[$1]] = $3 }
function median(a, k, m,    i, j, t, v) {
    for (i = 1; i <= m; i++) v[i] = a[k, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
}
END {
    for (k in n) {
        printf "%-3s %s: seconds%s (median %.3f); steps/s%s (median %.3g)\n", k, (k == "A" || k == "old" ? first : second),
            wall[k], median(w, k, n[k]), rate[k], median(r, k, n[k])
    }
}
