-- :count first listings as tickets-service writes them (JdbcTicketRepository.insert, Ticket.list):
-- available, version 1, no order, faceValue = price, an event 30 to 330 days ahead, sellers in
-- turn. Titles name 40 artists, so that a one-word search (bin/bench uses "arctic") matches one
-- listing in 40. created_at steps back a second a row from :'created', so "newest first" is an
-- order. Returns what orders-service's replica keeps of each (ticket_replicas' columns).
-- Variables: count, sellers (a uuid[] literal), note (the description), created (a timestamptz).
INSERT INTO tickets (id, title, price, face_value, currency, description, venue, event_at, seller_id,
                     resold_from, status, order_id, version, created_at, updated_at)
SELECT gen_random_uuid(),
       (ARRAY['Arctic Monkeys', 'Beyoncé', 'Coldplay', 'Daft Punk', 'Elbow', 'Fontaines D.C.', 'Gorillaz',
              'Haim', 'IDLES', 'Jungle', 'Kraftwerk', 'Lorde', 'Massive Attack', 'Nick Cave', 'Oasis',
              'Portishead', 'Queens of the Stone Age', 'Radiohead', 'Sigur Rós', 'The National', 'U2',
              'Vampire Weekend', 'Wet Leg', 'The xx', 'Yeah Yeah Yeahs', 'Zaz', 'Björk', 'Blur', 'Bon Iver',
              'Florence + the Machine', 'Fleetwood Mac', 'Foals', 'Interpol', 'Jamie xx', 'LCD Soundsystem',
              'Little Simz', 'Mogwai', 'Pulp', 'Rosalía', 'Stromae'])[1 + i % 40]
           || ', ' || (ARRAY['floor standing', 'balcony', 'seated, row F', 'front left', 'circle',
                             'stalls', 'upper tier', 'VIP lounge'])[1 + (i / 40) % 8],
       1000 + (i * 7919) % 19000, 1000 + (i * 7919) % 19000, 'EUR', :'note',
       (ARRAY['Royal Albert Hall', 'O2 Academy Brixton', 'Olympia', 'Paradiso', 'Ancienne Belgique',
              'Tempodrom', 'Zenith', 'Vicar Street', 'Le Bataclan', 'Columbiahalle'])[1 + i % 10],
       date_trunc('hour', CAST(:'created' AS timestamptz)) + (30 + i % 300) * interval '1 day',
       s.ids[1 + i % cardinality(s.ids)],
       NULL, 'available', NULL, 1,
       CAST(:'created' AS timestamptz) - i * interval '1 second', CAST(:'created' AS timestamptz) - i * interval '1 second'
FROM generate_series(1, :count) AS i, (SELECT CAST(:'sellers' AS uuid[]) AS ids) AS s
RETURNING id, version, title, price, currency, seller_id, event_at, status;
