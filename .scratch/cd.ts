import cd from 'chinese-days'
console.log(cd.getSolarDateFromLunar('2027-01-01'), cd.getSolarDateFromLunar('2027-05-05'), cd.getSolarDateFromLunar('2027-08-15'))
console.log(cd.getSolarTermDate(2027, 4, 'pure_brightness'))
console.log(cd.getSolarTerms('2027-04-01','2027-04-10'))
console.log(cd.getLunarDate('2027-02-05'))
console.log(cd.getDayDetail('2026-01-03'), cd.getDayDetail('2026-01-04'))
const y = require('chinese-days/dist/years/2026.json'); console.log(JSON.stringify(y).slice(0,1500))
