-- Status-page demo content for screenshots and the wrk benchmark: components in groups with 90 days of history, one
-- active public incident with updates, one resolved incident, upcoming maintenance. Applied to a demo-seeded database.
INSERT INTO StatusComponents (Name, Description, GroupName, DisplayOrder, IsVisible, Status, StatusChangedAt, Version) VALUES
 ('Email', 'Sending and receiving mail', 'Collaboration', 1, 1, 'PartialOutage', datetime('now','-25 minutes'), 1),
 ('Chat', 'Team chat and meetings', 'Collaboration', 2, 1, 'Operational', datetime('now','-90 days'), 1),
 ('VPN', 'Remote access', 'Network', 1, 1, 'Operational', datetime('now','-90 days'), 1),
 ('Wi-Fi', 'Office wireless', 'Network', 2, 1, 'Operational', datetime('now','-90 days'), 1),
 ('Payroll', 'Payslips and expenses', 'Business applications', 1, 1, 'Operational', datetime('now','-90 days'), 1),
 ('Web Shop', 'Customer orders', 'Business applications', 2, 1, 'DegradedPerformance', datetime('now','-10 minutes'), 1);
INSERT INTO ComponentStatusPeriods (ComponentId, Status, StartedAt, EndedAt, Cause)
 SELECT Id, 'Operational', datetime('now','-95 days'), NULL, NULL FROM StatusComponents WHERE Name IN ('Chat','Wi-Fi','Payroll');
INSERT INTO ComponentStatusPeriods (ComponentId, Status, StartedAt, EndedAt, Cause) VALUES
 ((SELECT Id FROM StatusComponents WHERE Name='Email'), 'Operational', datetime('now','-95 days'), datetime('now','-40 days'), NULL),
 ((SELECT Id FROM StatusComponents WHERE Name='Email'), 'MajorOutage', datetime('now','-40 days'), datetime('now','-40 days','+95 minutes'), 'Mail relay certificate expired'),
 ((SELECT Id FROM StatusComponents WHERE Name='Email'), 'Operational', datetime('now','-40 days','+95 minutes'), datetime('now','-25 minutes'), NULL),
 ((SELECT Id FROM StatusComponents WHERE Name='Email'), 'PartialOutage', datetime('now','-25 minutes'), NULL, 'Email delays for some users'),
 ((SELECT Id FROM StatusComponents WHERE Name='VPN'), 'Operational', datetime('now','-95 days'), datetime('now','-12 days'), NULL),
 ((SELECT Id FROM StatusComponents WHERE Name='VPN'), 'UnderMaintenance', datetime('now','-12 days'), datetime('now','-12 days','+60 minutes'), 'Gateway firmware upgrade'),
 ((SELECT Id FROM StatusComponents WHERE Name='VPN'), 'Operational', datetime('now','-12 days','+60 minutes'), datetime('now','-5 days'), NULL),
 ((SELECT Id FROM StatusComponents WHERE Name='VPN'), 'DegradedPerformance', datetime('now','-5 days'), datetime('now','-5 days','+3 hours'), 'Slow VPN connections'),
 ((SELECT Id FROM StatusComponents WHERE Name='VPN'), 'Operational', datetime('now','-5 days','+3 hours'), NULL, NULL),
 ((SELECT Id FROM StatusComponents WHERE Name='Web Shop'), 'Operational', datetime('now','-60 days'), datetime('now','-10 minutes'), NULL),
 ((SELECT Id FROM StatusComponents WHERE Name='Web Shop'), 'DegradedPerformance', datetime('now','-10 minutes'), NULL, 'Email delays for some users');
INSERT INTO PublicIncidents (IncidentId, Title, Phase, CreatedAt, UpdatedAt, ResolvedAt, Version) VALUES
 ((SELECT MIN(Id) FROM Incidents), 'Email delays for some users', 'Identified', datetime('now','-25 minutes'), datetime('now','-8 minutes'), NULL, 3),
 ((SELECT MAX(Id) FROM Incidents), 'Slow VPN connections', 'Resolved', datetime('now','-5 days'), datetime('now','-5 days','+3 hours'), datetime('now','-5 days','+3 hours'), 3);
INSERT INTO PublicIncidentImpacts (PublicIncidentId, ComponentId, Status) VALUES
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Email%'), (SELECT Id FROM StatusComponents WHERE Name='Email'), 'PartialOutage'),
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Email%'), (SELECT Id FROM StatusComponents WHERE Name='Web Shop'), 'DegradedPerformance');
INSERT INTO PublicIncidentUpdates (PublicIncidentId, Phase, Message, PublishedAt, AffectedComponents) VALUES
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Email%'), 'Investigating', 'Some users report that incoming mail arrives up to 30 minutes late. We are investigating.', datetime('now','-25 minutes'), (SELECT Id FROM StatusComponents WHERE Name='Email') || ':PartialOutage'),
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Email%'), 'Identified', 'A mail relay is rejecting connections under load. Order confirmations from the Web Shop are delayed too. We are moving traffic to a second relay.', datetime('now','-8 minutes'), (SELECT Id FROM StatusComponents WHERE Name='Email') || ':PartialOutage,' || (SELECT Id FROM StatusComponents WHERE Name='Web Shop') || ':DegradedPerformance'),
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Slow%'), 'Investigating', 'VPN connections are slow to establish.', datetime('now','-5 days'), (SELECT Id FROM StatusComponents WHERE Name='VPN') || ':DegradedPerformance'),
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Slow%'), 'Resolved', 'A faulty load balancer node was removed; connections are fast again.', datetime('now','-5 days','+3 hours'), '');
INSERT INTO ScheduledMaintenances (Title, Message, StartsAt, EndsAt, State, CreatedAt, UpdatedAt, Version) VALUES
 ('Payroll database upgrade', 'Payroll will be read-only while the database is upgraded.', datetime('now','+2 days'), datetime('now','+2 days','+2 hours'), 'Scheduled', datetime('now','-1 days'), datetime('now','-1 days'), 1);
INSERT INTO MaintenanceComponents (MaintenanceId, ComponentId) VALUES
 ((SELECT MAX(Id) FROM ScheduledMaintenances), (SELECT Id FROM StatusComponents WHERE Name='Payroll'));
