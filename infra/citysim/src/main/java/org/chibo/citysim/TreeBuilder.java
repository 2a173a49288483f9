package org.chibo.citysim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plans the organisation tree from the profile: the direct committees of the catalogue, their grassroots committees
 * and grassroots branches, the branches under each grassroots committee (some grouped in partial committees), the
 * roll size of every branch, and party cells in the large ones. Every count the profile names comes out exact;
 * everything else is drawn from the seeded random source, so one seed always gives the same tree.
 */
final class TreeBuilder {

    /** Partial committees are not in the profile; Hải Phòng-like bodies have about 150 holding about 700 branches. */
    static final double PARTIALS_PER_GRASSROOTS_COMMITTEE = 150.0 / 580;
    static final double BRANCH_SHARE_IN_PARTIALS = 700.0 / 5556;
    /** A partial committee groups at least this many branches, and its committee keeps two of its own. */
    static final int MIN_BRANCHES_PER_PARTIAL = 3;
    static final int MAX_BRANCHES_PER_PARTIAL = 9;
    static final int KEPT_BY_COMMITTEE = 2;
    /** Share of branches with a fixed monthly meeting day recorded. */
    static final double MEETING_DAY_SHARE = 0.7;
    /** Branches with more than this many members meet by party cell (domain.md; configurable there, fixed here). */
    static final int CELL_THRESHOLD = 30;

    private final CityProfile profile;
    private final SplittableRandom shape;
    private final SplittableRandom kinds;
    private final SplittableRandom sizes;
    private final SplittableRandom days;
    private final UnitNames names;

    TreeBuilder(CityProfile profile, SplittableRandom random) {
        this.profile = profile;
        // one stream per concern, split in a fixed order, so the plan depends on the seed alone
        this.shape = random.split();
        this.kinds = random.split();
        this.sizes = random.split();
        this.days = random.split();
        this.names = new UnitNames(random.split());
    }

    UnitPlan build() {
        List<DirectCommittee> catalogue = HaiPhong.DIRECT_COMMITTEES;
        if (catalogue.size() != profile.directCommittees()) {
            throw new IllegalArgumentException("the catalogue names " + catalogue.size()
                    + " direct committees; the profile asks for " + profile.directCommittees());
        }
        Node city = new Node(HaiPhong.CODE, profile.name(), UnitKind.CITY_COMMITTEE, null);
        int[] committeesPer = Apportion.largestRemainder(profile.grassrootsCommittees(),
                catalogue.stream().mapToDouble(DirectCommittee::grassrootsCommittees).toArray(), 0);
        int[] grassrootsBranchesPer = Apportion.largestRemainder(profile.grassrootsBranches(),
                catalogue.stream().mapToDouble(DirectCommittee::grassrootsBranches).toArray(), 0);

        List<Committee> committees = new ArrayList<>();
        List<Node> directs = new ArrayList<>();
        for (int d = 0; d < catalogue.size(); d++) {
            DirectCommittee dc = catalogue.get(d);
            Node direct = city.add(new Node(code(city, "D%02d", d + 1), dc.name(), UnitKind.DIRECT_COMMITTEE, city));
            directs.add(direct);
            NamePool blocNames = dc.territorial() ? null : names.blocCommittees(dc);
            for (int g = 0; g < committeesPer[d]; g++) {
                GrassrootsType type;
                String name;
                String label = "";
                if (dc.territorial() && g < dc.places().size()) {
                    String place = dc.places().get(g);
                    type = UnitNames.territorialType(dc, place);
                    name = names.territorialCommittee(type, place);
                    label = UnitNames.placeLabel(type, place);
                } else if (dc.territorial()) {
                    int other = g - dc.places().size();
                    type = UnitNames.districtOtherType(other);
                    name = names.districtOtherCommittee(dc, other);
                } else {
                    type = UnitNames.blocCommitteeType(dc.sector());
                    name = blocNames.next();
                }
                Node gc = direct.add(new Node(code(direct, "G%03d", g + 1), name, UnitKind.GRASSROOTS_COMMITTEE, direct));
                committees.add(new Committee(gc, type, label));
            }
        }

        int[] branchesPer = Apportion.largestRemainder(profile.branchesUnderGrassrootsCommittees(),
                committees.stream().mapToDouble(c -> c.type.branchWeight * spread(c.type)).toArray(),
                KEPT_BY_COMMITTEE);
        List<List<Integer>> partials = partials(committees, branchesPer);
        for (int c = 0; c < committees.size(); c++) {
            fillCommittee(committees.get(c), branchesPer[c], partials.get(c));
        }
        for (int d = 0; d < catalogue.size(); d++) {
            DirectCommittee dc = catalogue.get(d);
            Node direct = directs.get(d);
            UnitNames.BranchNamer namer = names.underDirect(dc);
            for (int b = 0; b < grassrootsBranchesPer[d]; b++) {
                BranchKind kind = BranchMix.forGrassrootsBranch(dc.sector(), kinds);
                direct.add(Node.branch(code(direct, "B%03d", b + 1), namer.next(kind), UnitKind.GRASSROOTS_BRANCH, direct, kind));
            }
        }

        List<Node> ordered = new ArrayList<>();
        city.collect(ordered);
        List<Node> branches = ordered.stream().filter(n -> n.kind.holdsMembers()).toList();
        int[] members = BranchSizer.sizes(branches.stream().map(n -> n.branchKind.shape(n.local)).toList(),
                profile.members(), sizes);
        List<UnitPlan.Roll> rolls = new ArrayList<>(branches.size());
        for (int i = 0; i < branches.size(); i++) {
            Node branch = branches.get(i);
            branch.members = members[i];
            if (days.nextDouble() < MEETING_DAY_SHARE) {
                branch.meetingDay = 1 + days.nextInt(28);
            }
            for (int t = 1; t <= cellsFor(branch.members); t++) {
                branch.add(new Node(branch.code + ".T" + t, UnitNames.cell(t), UnitKind.CELL, branch));
            }
            rolls.add(new UnitPlan.Roll(branch.code, branch.branchKind, branch.members));
        }

        List<Node> all = new ArrayList<>();
        city.collect(all);
        return new UnitPlan(all.stream().map(Node::toUnit).toList(), List.copyOf(rolls));
    }

    /**
     * How far one committee's branch count strays from its type's usual: wards and communes stay close to it;
     * agencies, firms and forces are log-normally spread, so a few are large (and those hold the partial committees).
     */
    private double spread(GrassrootsType type) {
        if (!type.mayHavePartials) {
            return 0.75 + 0.5 * shape.nextDouble();
        }
        // Box-Muller with StrictMath rather than nextGaussian()/Math: bit-for-bit the same on every JDK and CPU
        double gaussian = StrictMath.sqrt(-2 * StrictMath.log(1 - shape.nextDouble()))
                * StrictMath.cos(2 * StrictMath.PI * shape.nextDouble());
        return StrictMath.exp(0.6 * gaussian - 0.18);
    }

    /** Tổ đảng: 2 for a branch of 31–45 members, 3 up to 60, 4 above; none at 30 or fewer. */
    static int cellsFor(int members) {
        if (members <= CELL_THRESHOLD) {
            return 0;
        }
        return members > 60 ? 4 : members > 45 ? 3 : 2;
    }

    private void fillCommittee(Committee committee, int branches, List<Integer> partialSizes) {
        Node gc = committee.node;
        List<BranchKind> mix = BranchMix.forCommittee(committee.type, branches, kinds);
        UnitNames.BranchNamer namer = names.underCommittee(committee.type, committee.label);
        int inPartials = partialSizes.stream().mapToInt(Integer::intValue).sum();
        int direct = branches - inPartials;
        for (int b = 0; b < direct; b++) {
            BranchKind kind = mix.get(b);
            Node branch = gc.add(Node.branch(code(gc, "B%03d", b + 1), namer.next(kind), UnitKind.BRANCH, gc, kind));
            branch.local = !committee.type.mayHavePartials;
        }
        int next = direct;
        for (int p = 0; p < partialSizes.size(); p++) {
            Node partial = gc.add(new Node(code(gc, "P%02d", p + 1), UnitNames.partialCommittee(committee.type, p + 1),
                    UnitKind.PARTIAL_COMMITTEE, gc));
            for (int b = 0; b < partialSizes.get(p); b++) {
                BranchKind kind = mix.get(next++);
                partial.add(Node.branch(code(partial, "B%03d", b + 1), namer.next(kind), UnitKind.BRANCH, partial, kind));
            }
        }
    }

    /**
     * Groups branches into partial committees: each one first takes the minimum from a committee drawn by how many
     * branches it can spare (big enterprises, the military and police, universities have most), then single
     * branches are added to random partial committees until the target count of grouped branches is exact.
     */
    private List<List<Integer>> partials(List<Committee> committees, int[] branchesPer) {
        int partialTarget = (int) Math.round(committees.size() * PARTIALS_PER_GRASSROOTS_COMMITTEE);
        int branchTarget = (int) Math.round(profile.branchesUnderGrassrootsCommittees() * BRANCH_SHARE_IN_PARTIALS);
        int n = committees.size();
        int[] spare = new int[n];
        List<List<Integer>> sizes = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            boolean eligible = committees.get(c).type.mayHavePartials
                    && branchesPer[c] >= KEPT_BY_COMMITTEE + MIN_BRANCHES_PER_PARTIAL + 2;
            spare[c] = eligible ? branchesPer[c] - KEPT_BY_COMMITTEE : 0;
            sizes.add(new ArrayList<>());
        }
        List<int[]> slots = new ArrayList<>();
        for (int p = 0; p < partialTarget; p++) {
            long total = 0;
            for (int s : spare) {
                total += s >= MIN_BRANCHES_PER_PARTIAL ? s : 0;
            }
            if (total == 0) {
                throw new IllegalStateException("no committee can spare branches for partial committee " + (p + 1));
            }
            long pick = shape.nextLong(total);
            int c = 0;
            for (; ; c++) {
                long weight = spare[c] >= MIN_BRANCHES_PER_PARTIAL ? spare[c] : 0;
                if (pick < weight) {
                    break;
                }
                pick -= weight;
            }
            sizes.get(c).add(MIN_BRANCHES_PER_PARTIAL);
            spare[c] -= MIN_BRANCHES_PER_PARTIAL;
            slots.add(new int[] {c, sizes.get(c).size() - 1});
        }
        for (int left = branchTarget - partialTarget * MIN_BRANCHES_PER_PARTIAL; left > 0; ) {
            if (slots.isEmpty()) {
                throw new IllegalStateException("partial committees cannot hold " + branchTarget + " branches");
            }
            int i = shape.nextInt(slots.size());
            int[] slot = slots.get(i);
            List<Integer> of = sizes.get(slot[0]);
            if (spare[slot[0]] == 0 || of.get(slot[1]) >= MAX_BRANCHES_PER_PARTIAL) {
                slots.set(i, slots.getLast());
                slots.removeLast();
                continue;
            }
            of.set(slot[1], of.get(slot[1]) + 1);
            spare[slot[0]]--;
            left--;
        }
        return sizes;
    }

    private static String code(Node parent, String pattern, int ordinal) {
        return parent.code + "." + String.format(Locale.ROOT, pattern, ordinal);
    }

    private record Committee(Node node, GrassrootsType type, String label) {
    }

    /** A unit while the tree is being planned; turned into an immutable {@link Unit} at the end. */
    private static final class Node {
        final String code;
        final String name;
        final UnitKind kind;
        final Node parent;
        final List<Node> children = new ArrayList<>();
        BranchKind branchKind;
        /** A ward's or commune's own branch: sized like a local office, not a city department. */
        boolean local;
        Integer meetingDay;
        int members;

        Node(String code, String name, UnitKind kind, Node parent) {
            this.code = code;
            this.name = name;
            this.kind = kind;
            this.parent = parent;
        }

        static Node branch(String code, String name, UnitKind kind, Node parent, BranchKind branchKind) {
            Node node = new Node(code, name, kind, parent);
            node.branchKind = branchKind;
            return node;
        }

        Node add(Node child) {
            children.add(child);
            return child;
        }

        /** Pre-order: a unit, then its subtree; so every parent precedes its children. */
        void collect(List<Node> into) {
            into.add(this);
            for (Node child : children) {
                child.collect(into);
            }
        }

        Unit toUnit() {
            return new Unit(code, name, kind, parent == null ? null : parent.code, branchKind, meetingDay);
        }
    }
}
