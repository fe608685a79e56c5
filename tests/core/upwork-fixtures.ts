// Made-up Upwork reports, one per header generation README "Upwork reports" lists: the columns
// are Upwork's, the people, contracts and amounts are invented.

export const WEEKLY = [
  'Date,Contract,Hours,Amount,Payment type',
  '2026-11-02,Looker dashboard redesign (38120001),5.50,$412.50,',
  '2026-11-09,Looker dashboard redesign (38120001),4.00,$300.00,',
  '2026-10-20,Stripe API integration (38120003),,"$1,200.00",Fixed Price Payment',
  '2026-11-16,"Unity bug fixes, phase 2 (38120006)",,$50.00,Bonus',
  '2026-11-16,Unity bug fixes (38120006),0.00,$0.00,',
].join('\r\n') + '\r\n';

export const LEGACY = [
  'Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,Amount in local currency,Currency,Balance',
  '"Oct 2, 2026",501,Hourly,Invoice for 09/21/2026-09/27/2026,,Jo Doe,Brightline Analytics,Jo Doe,,$412.50,$412.50,USD,"$1,412.50"',
  '"Oct 2, 2026",502,Service Fee,Service Fee for Ref ID 501,,Jo Doe,Brightline Analytics,Jo Doe,,-$41.25,-$41.25,USD,"$1,371.25"',
  '"Oct 9, 2026",503,Hourly,Invoice for 09/28/2026-10/04/2026,,Jo Doe,Brightline Analytics,Jo Doe,,$300.00,$300.00,USD,"$1,671.25"',
  '"Oct 12, 2026",504,Fixed Price,"Invoice for ""Stripe API integration""",,Jo Doe,Helix Robotics,Jo Doe,,"$1,200.00","$1,200.00",USD,"$2,871.25"',
  '"Oct 13, 2026",505,Withdrawal,Withdrawal to bank account ****1234,,Jo Doe,,Jo Doe,,"-$2,000.00","-$2,000.00",USD,$871.25',
  '"Oct 14, 2026",506,Withdrawal Fee,Withdrawal fee,,Jo Doe,,Jo Doe,,-$0.99,-$0.99,USD,$870.26',
  '"Oct 15, 2026",507,Membership Fee,Freelancer Plus membership,,Jo Doe,,Jo Doe,,-$19.99,-$19.99,USD,$850.27',
  '"Oct 16, 2026",508,Connects,Purchase of 80 Connects,,Jo Doe,,Jo Doe,,-$12.00,-$12.00,USD,$838.27',
  '"Oct 17, 2026",509,Refund,Refund to Helix Robotics,,Jo Doe,Helix Robotics,Jo Doe,,-$100.00,-$100.00,USD,$738.27',
  '"Oct 18, 2026",510,Bonus,Bonus for Stripe API integration,,Jo Doe,Helix Robotics,Jo Doe,,$75.00,$75.00,USD,$813.27',
].join('\n') + '\n';

const TITLED_HEADER = 'Date,Transaction ID,Transaction Type,Transaction Summary,Transaction Summary Details,Description 1,'
  + 'Description 2,Description 3,Entered Description,Agency,Freelancer,Team,Account Name,PO,Ref ID,Amount $,'
  + 'Amount in local currency,Currency,Current Balance $,Payment Method';

export const TITLED = [
  TITLED_HEADER,
  '"Nov 3, 2026",T1001,Hourly,Looker dashboard redesign,Invoice for Oct 26-Nov 1,,,,,,Jo Doe,Brightline Analytics,Jo Doe,,R1,412.50,412.50,USD,"1,412.50",',
  '"Nov 3, 2026",T1002,Service Fee,Service Fee - Looker dashboard redesign,,,,,,,Jo Doe,Brightline Analytics,Jo Doe,,R2,-41.25,-41.25,USD,"1,371.25",',
  '"Nov 5, 2026",T1003,Fixed-price,"Stripe API integration, milestone 2",Milestone 2,,,,,,Jo Doe,Helix Robotics,Jo Doe,,R3,"1,200.00","1,200.00",USD,"2,571.25",',
  '"Nov 6, 2026",T1004,Withdrawal,Withdrawal,,,,,,,Jo Doe,,Jo Doe,,R4,"-2,000.00","-2,000.00",USD,571.25,Direct to U.S. Bank (USD)',
  '"Nov 10, 2026",T1005,Hourly,Looker dashboard redesign,Invoice for Nov 2-Nov 8,,,,,,Jo Doe,Brightline Analytics,Jo Doe,,R5,300.00,300.00,USD,871.25,',
].join('\n');

export const SENTENCE = [
  'Date,Transaction ID,Transaction type,Transaction summary,Transaction summary details,Description 1,Description 2,'
    + 'Description 3,Agency team,Freelancer,Client team,Account name,PO,Ref ID,Amount $,Amount in local currency,Currency,'
    + 'Current balance $,Payment method',
  '"Nov 20, 2026",T2001,Fixed Price,Unity bug fixes,Milestone 1,,,,,Jo Doe,PixelForge Studio,Jo Doe,,R21,$900.00,$900.00,USD,$900.00,',
  '"Nov 21, 2026",T2002,Bonus,Unity bug fixes,,,,,,Jo Doe,PixelForge Studio,Jo Doe,,R22,$50.00,$50.00,USD,$950.00,',
  '"Nov 21, 2026",T2003,Service fee,Service fee - Unity bug fixes,,,,,,Jo Doe,PixelForge Studio,Jo Doe,,R23,-$95.00,-$95.00,USD,$855.00,',
  '"someday",T2004,Hourly,Unity bug fixes,,,,,,Jo Doe,PixelForge Studio,Jo Doe,,R24,$10.00,$10.00,USD,$865.00,',
  '"Nov 22, 2026",T2005,Hourly,Unity bug fixes,,,,,,Jo Doe,PixelForge Studio,Jo Doe,,R25,ten dollars,$10.00,USD,$865.00,',
].join('\n');
