-- Migration 0016 rebuilt events_window with the type but without the countries and the actors'
-- names that 0013 had put in it: a country or an actor filter with a date window read every
-- wide row of the window again (count, page and timeline 5-7 ms each for 90 days of 100,000
-- events, against under 1 ms from the index). Rebuilt with every column that a date window's
-- count, sorted page, timeline and map read, so none of them reads a wide row: the filters
-- (confidence, mode, type, countries, actors' names, outlets), the sort keys (outlets, killed),
-- the timeline's date precision and the map's place, precision, country and outlets.
DROP INDEX events_window;
CREATE INDEX events_window ON events(
    date_start, date_end, confidence, mode, type, countries, actor_names, n_outlets, killed,
    date_precision, latitude, longitude, geo_precision, location_name, country, outlets, id
);
