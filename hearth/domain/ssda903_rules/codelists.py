"""Code lists the rules check against, by the years they apply (ssda903.md §2)."""

from __future__ import annotations

ETHNIC = (
    "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
    "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
)
UN_CODES = ("UN1", "UN2", "UN3", "UN4", "UN5")
RNE = ("S", "P", "L", "T", "U", "B")
LS = ("C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3")
CIN = ("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8")
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
ADOPTION_PLACES = ("A3", "A4", "A5", "A6")
FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")
Z_NEW = ("Z11", "Z12", "Z13", "Z14")
_COMMON_PLACES = ADOPTION_PLACES + ("K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1") + TEMPORARY + FOSTER
PLACE_TO_2024 = _COMMON_PLACES + ("H5", "P2", "Z1")
PLACE_2025 = PLACE_TO_2024 + ("K3",)
PLACE_FROM_2026 = _COMMON_PLACES + ("K3",) + Z_NEW
PROVIDERS = ("PR0", "PR1", "PR2", "PR3", "PR4", "PR5")
REC = (
    "X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7",
    "E8", "E9", "E14", "E15", "E16", "E17",
)
# To 2017/18 special guardianship ended with E43/E44, split into E45-E48 from 2018/19 (ssda903.md 2.20).
REC_TO_2018 = tuple(c for c in REC if c not in ("E45", "E46", "E47", "E48")) + ("E43", "E44")
REASON_PLACE_CHANGE = (
    "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER",
)
REVIEW_CODE = ("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")
SDQ_REASON = ("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5")
IN_TOUCH = ("YES", "NO", "DIED", "REFU", "NREQ", "RHOM")
ACTIV = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0")
# To 2020/21 training or employment was F3/P3, split into F4/P4 and F5/P5 from 2021/22.
ACTIV_TO_2021 = ("F1", "P1", "F2", "P2", "F3", "P3", "G4", "G5", "G6", "0")
ACCOM = (
    "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S2", "T1",
    "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0",
)
SEX_ADOPTR = ("M1", "F1", "MM", "FF", "MF")
LS_ADOPTR = ("L0", "L11", "L12", "L2", "L3", "L4")
REASON_PLACED_CEASED = ("RD1", "RD2", "RD3", "RD4")
PREV_PERM = ("P1", "P2", "P3", "P4", "Z1")
LA_CODES = tuple(
    str(c) for c in (
        201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 301, 302, 303, 304, 305, 306, 307, 308,
        309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 330, 331, 332, 333, 334, 335, 336, 340, 341,
        342, 343, 344, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 380, 381, 382, 383,
        384, 390, 391, 392, 393, 394, 420, 800, 801, 802, 803, 805, 806, 807, 808, 810, 811, 812, 813, 815, 816,
        821, 822, 823, 825, 826, 830, 831, 835, 836, 837, 838, 839, 840, 841, 845, 846, 850, 851, 852, 855, 856,
        857, 860, 861, 865, 866, 867, 868, 869, 870, 871, 872, 873, 874, 876, 877, 878, 879, 880, 881, 882, 883,
        884, 885, 886, 887, 888, 889, 890, 891, 892, 893, 894, 895, 896, 908, 909, 916, 919, 921, 925, 926, 928,
        929, 931, 933, 935, 936, 937, 938, 940, 941, 942, 943, 999,
    )
) + ("WAL", "SCO", "NIR", "NUK")
SW_REASON = ("MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS")


def sql_list(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"
