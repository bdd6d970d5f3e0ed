package org.sitrep.cluster;

/**
 * Two stories of one kind on one day in one city, five reports each, written for Sitrep's tests:
 * farmers blocking a ring road with tractors over grain prices, students marching against tuition
 * fees. Alike in place, day and type; different in who, what and why.
 */
public final class TwoStories {
    private TwoStories() {}

    public static final String[][] FARMERS = {
            {"Farmers block Kharkiv ring road with tractors over grain prices",
                    "Hundreds of farmers drove tractors onto the Kharkiv ring road on Tuesday to protest against low grain purchase prices, halting traffic for hours."},
            {"Tractor convoy halts traffic in Kharkiv as farmers protest grain prices",
                    "A convoy of tractors blocked the ring road around Kharkiv as farmers demanded higher grain purchase prices and cheaper diesel."},
            {"Kharkiv farmers protest: ring road blocked by tractors",
                    "Farmers angry at grain prices and diesel costs parked tractors across the Kharkiv ring road, the regional police said."},
            {"Grain farmers' tractor protest blocks Kharkiv ring road",
                    "Police diverted traffic after farmers blocked the ring road with tractors, saying grain purchase prices no longer cover diesel and seed."},
            {"Farmers with tractors block road near Kharkiv over grain prices",
                    "The farmers' union said tractors would stay on the Kharkiv ring road until the ministry raised grain purchase prices."},
    };

    public static final String[][] STUDENTS = {
            {"Students march in Kharkiv against tuition fee rise",
                    "Thousands of students marched through central Kharkiv on Tuesday against a planned rise in university tuition fees."},
            {"Kharkiv students protest tuition fees with march to university",
                    "Students carrying banners against higher tuition fees marched from Freedom Square to the university, organisers said."},
            {"Tuition protest: Kharkiv students march against fee increase",
                    "The student union led a march in Kharkiv against the increase in tuition fees announced by the university rector."},
            {"Thousands of students rally in Kharkiv over tuition fees",
                    "Students chanted against the tuition fee increase as they marched to the university's main building in Kharkiv."},
            {"Student march against higher tuition fees fills central Kharkiv",
                    "Banners reading 'education is not a luxury' filled central Kharkiv as students protested the tuition fee rise."},
    };

    /** A report of the farmers' protest told from the villages, in other words than the five above. */
    public static final String[] FARMERS_STRAY = {"Growers say diesel and seed cost more than the harvest brings",
            "Growers from villages around Kharkiv joined the tractor blockade, saying the grain harvest no longer pays for diesel and seed."};

    /** A report of the students' march with few of the other reports' words. */
    public static final String[] STUDENTS_STRAY = {"Rector defends fee increase as students gather",
            "The university rector said the tuition increase would pay for dormitories while students gathered outside in Kharkiv."};
}
