package org.chibo.citysim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which kinds of branch a unit holds. A ward or commune has its government, police and military branches and a few
 * schools or a clinic, and otherwise residential-group or village branches; other committees hold branches of their
 * own trade. Institutional branches come first so that, when branches are grouped into partial committees from the
 * end of the list, an agency's office stays directly under its committee.
 */
final class BranchMix {

    private BranchMix() {
    }

    static List<BranchKind> forCommittee(GrassrootsType type, int branches, SplittableRandom random) {
        List<BranchKind> kinds = new ArrayList<>(branches);
        switch (type) {
            case WARD, TOWN, COMMUNE -> {
                if (branches >= 3) {
                    kinds.add(BranchKind.AGENCY);
                }
                if (branches >= 5) {
                    kinds.add(BranchKind.POLICE);
                    kinds.add(BranchKind.ARMED_FORCES);
                }
                boolean country = type != GrassrootsType.WARD;
                if (country && branches >= 8) {
                    // rural nursery and primary schools belong to the commune; secondary schools to the district
                    chance(kinds, BranchKind.SCHOOL, type == GrassrootsType.COMMUNE ? 0.7 : 0.5, random);
                    chance(kinds, BranchKind.SCHOOL, type == GrassrootsType.COMMUNE ? 0.7 : 0.5, random);
                }
                if (branches >= 8) {
                    chance(kinds, BranchKind.HEALTH, country ? 0.4 : 0.25, random);
                    chance(kinds, BranchKind.RETIREES, 0.15, random);
                }
                fill(kinds, branches, type == GrassrootsType.COMMUNE ? BranchKind.VILLAGE : BranchKind.RESIDENTIAL_GROUP);
            }
            case AGENCY, STATE_AGENCY -> {
                if (branches >= 4) {
                    chance(kinds, BranchKind.RETIREES, 0.15, random);
                }
                fill(kinds, branches, BranchKind.AGENCY);
            }
            case ENTERPRISE -> {
                if (branches >= 6) {
                    chance(kinds, BranchKind.RETIREES, 0.08, random);
                }
                fill(kinds, branches, BranchKind.ENTERPRISE);
            }
            case MILITARY, BORDER_POST -> fill(kinds, branches, BranchKind.ARMED_FORCES);
            case POLICE -> fill(kinds, branches, BranchKind.POLICE);
            case UNIVERSITY -> {
                kinds.add(BranchKind.AGENCY);
                fill(kinds, branches, BranchKind.SCHOOL);
            }
            case HOSPITAL, HEALTH_CENTRE -> fill(kinds, branches, BranchKind.HEALTH);
        }
        return kinds.subList(0, branches);
    }

    /** The kind of one grassroots branch (chi bộ cơ sở) under a direct committee of this sector. */
    static BranchKind forGrassrootsBranch(Sector sector, SplittableRandom random) {
        double r = random.nextDouble();
        return switch (sector) {
            case URBAN_DISTRICT -> r < 0.50 ? BranchKind.SCHOOL : r < 0.78 ? BranchKind.AGENCY
                    : r < 0.85 ? BranchKind.HEALTH : r < 0.97 ? BranchKind.ENTERPRISE : BranchKind.RETIREES;
            case RURAL_DISTRICT -> r < 0.52 ? BranchKind.SCHOOL : r < 0.80 ? BranchKind.AGENCY
                    : r < 0.88 ? BranchKind.HEALTH : BranchKind.ENTERPRISE;
            case AGENCY_BLOC -> r < 0.85 ? BranchKind.AGENCY : r < 0.93 ? BranchKind.SCHOOL : BranchKind.HEALTH;
            case ENTERPRISE_BLOC, ENTERPRISE -> BranchKind.ENTERPRISE;
            case MILITARY, BORDER_GUARD -> BranchKind.ARMED_FORCES;
            case POLICE -> BranchKind.POLICE;
            case UNIVERSITY -> r < 0.6 ? BranchKind.SCHOOL : BranchKind.AGENCY;
            case HOSPITAL -> r < 0.85 ? BranchKind.HEALTH : BranchKind.AGENCY;
            case STATE_AGENCY -> BranchKind.AGENCY;
        };
    }

    private static void chance(List<BranchKind> kinds, BranchKind kind, double probability, SplittableRandom random) {
        if (random.nextDouble() < probability) {
            kinds.add(kind);
        }
    }

    private static void fill(List<BranchKind> kinds, int branches, BranchKind kind) {
        while (kinds.size() < branches) {
            kinds.add(kind);
        }
    }
}
