package synth

// The words of the record: presenting concerns, risks, protective factors,
// partner agencies' answers and the reasons for decisions, written the way
// front-door practitioners write them. Templates have slots in braces,
// filled per child by fill (text.go):
//
//	{Child} {child}      the child's given name ("the unborn baby" before birth)
//	{kids} {was}         "Jack" / "Jack and his siblings", with was/were to agree
//	{he} {his} {him}     the child's pronouns ({He}, {His} at a sentence start)
//	{Carer} {carerrel}   the main carer's given name and who they are ("mother")
//	{cshe} {cher} {cherO} the carer's pronoun, possessive and object forms
//	{Partner} {partner}  the carer's partner's name, or "her ex-partner"
//	{org} {Org} {town} {address} {day} {time} {n} {pct} {dis} {weeks} {age} {is}
//
// A template's source tag says who may have written it: P police, S school
// or education, H health, L other professionals (council services,
// housing, probation, voluntary sector), I family, public or anonymous.
// After a colon, a tag may narrow the children it fits: b a baby under one,
// y under five, k five or over, t ten or over, g a girl of thirteen or over.

// Bands of severity: what the screener would rate green, amber or red.
const (
	bandLow = iota
	bandMid
	bandHigh
)

// tmpl is one presenting-concerns template.
type tmpl struct {
	src  string
	band int
	text string
}

// theme is a kind of concern. Family themes are about the household and so
// make a contact for every child in it; the others are about one child.
type theme struct {
	key, label     string
	minAge, maxAge int
	family         bool
	texts          []tmpl
	risks          []string
	protective     []string
	need           string // the CIN primary need code it most often leads to
}

var themes = []*theme{
	{key: "da", label: "domestic abuse", maxAge: 17, family: true, need: "N1", texts: []tmpl{
		{"P", bandLow, "Police attended {address} at {time} on {day} after a neighbour reported raised voices. {Carer} and {partner} had been arguing about money; no assault was disclosed and no offences were identified. {kids} {was} asleep upstairs and not disturbed. DASH completed: standard risk."},
		{"P", bandLow, "Police notification: verbal argument between {Carer} and {partner} at the family home on {day} evening. Both were calm when officers arrived and {Carer} declined a referral to support services. {kids} {was} downstairs at the time. DASH: standard risk. First recorded incident at the address."},
		{"P", bandMid, "Police were called at {time} by {Carer}, who reported that {partner} had pushed {cherO} into a door frame during an argument after drinking. {Carer} had a red mark to the cheek. {kids} {was} in the house; {Child} was seen by officers and appeared quiet and withdrawn. {Partner} was arrested and bailed with conditions not to attend the address. DASH: medium risk."},
		{"P:k", bandMid, "Third police notification in six months of domestic incidents between {Carer} and {partner}. On this occasion {partner} smashed a television and a window; no physical injury. {kids} {was} present and {Child} told officers {he} hides in {his} room when the adults shout. DASH: medium risk."},
		{"P:t", bandHigh, "Police attended at {time} following a 999 call made by {Child}. {Carer} reported that {partner} had strangled {cherO} until {cshe} nearly lost consciousness, in front of the children. {Partner} left before police arrived and is still being sought. DASH: high risk; referral made to MARAC. {Carer} and the children are staying with a relative tonight."},
		{"PL:k", bandHigh, "{Carer} disclosed that {partner} has controlled {cher} money and phone for months and last night threatened to kill {cherO} and take the children. {Child} had a bruise to the forearm that {he} said happened when {he} tried to pull {partner} away. DASH: high risk."},
		{"S", bandMid, "{Child} told {his} class teacher that {he} did not sleep because '{partner} was hurting {Carer} again'. {He} was tearful and asked not to go home. School is aware of previous police call-outs to the address."},
		{"L", bandMid, "{Carer} attended the Harbour Lights domestic abuse service asking for advice. {Cshe} describes {partner} as jealous and controlling and has been pushed on two occasions. {Cshe} does not want to leave but is worried about the effect on {kids}."},
		{"I", bandMid, "Caller is worried about {Carer} and the children. Says {partner} is 'always shouting' and {Carer} has had a black eye this week which {cshe} explained as a fall. {kids} {was} heard crying late at night."},
		{"I:k", bandLow, "Caller reports frequent loud arguments at the address, mostly late at night, and has seen {Child} outside on {his} own while the adults argue. No injuries seen."},
	}, risks: []string{
		"{kids} {was} present during the incident and {is} at risk of emotional harm from living with domestic abuse.",
		"Escalating frequency of incidents; alcohol is a feature. {Partner} has previous for assault on a former partner.",
		"{Carer} minimises the abuse and has allowed {partner} back to the home despite bail conditions.",
		"Risk of physical harm to the children if they intervene, as {Child} has done before.",
	}, protective: []string{
		"{Carer} called the police and engaged well with officers.",
		"{Carer} has accepted a referral to the Harbour Lights domestic abuse service.",
		"Maternal grandmother lives nearby and the children can stay with her.",
		"{Partner} has moved out and is living with his parents in another town.",
	}},
	{key: "neglect", label: "neglect", maxAge: 17, family: true, need: "N1", texts: []tmpl{
		{"S", bandLow, "{Org} reports {Child} has come in without a coat on several cold days and has been hungry at breakfast club. {Carer} was receptive when the school raised it and said money is tight this month."},
		{"S", bandMid, "{Org} reports {Child} arrived hungry on three days this week and has asked staff for food. {His} uniform is soiled and {he} has head lice that have not been treated despite letters home. Attendance this term is {pct}%."},
		{"S:k", bandHigh, "{Child} has not been collected from school twice this week; on {day} {he} walked home alone at 17:30 and found nobody in. {He} told staff there is 'no food in the house' and that {he} looks after {his} younger siblings at night. Attendance {pct}%."},
		{"H:y", bandLow, "Health visitor reports {Child} has missed two immunisation appointments and the 2-year review. {Carer} says {cshe} forgot and has rebooked; home conditions were adequate on the last visit."},
		{"H:y", bandMid, "Home visit found the home cluttered, with dog faeces on the kitchen floor and little food in the cupboards. {Child} had a severe nappy rash and had missed two immunisation appointments. {Carer} appeared low in mood."},
		{"H", bandMid, "Dental practice reports {Child} needs six teeth extracted under general anaesthetic because of untreated decay; two appointments were not attended and {Carer} has not responded to letters."},
		{"H", bandHigh, "{Child} was brought to the GP underweight and with an untreated infected burn on the hand, which {Carer} said happened a week ago. Weight has fallen from the 50th to below the 9th centile."},
		{"P", bandMid, "Police attended {address} on a welfare check and found the home in a poor state: no working heating, rubbish bags in the kitchen and mouldy food. {kids} {was} in bed in soiled bedding. {Carer} was co-operative."},
		{"P", bandHigh, "Police found {kids} home alone at {time} on {day}; {Carer} returned two hours later and appeared intoxicated. There was no food in the home and the back door was insecure."},
		{"L", bandMid, "{Org} reports the family's home has been reported for hoarding and infestation; {kids} {was} seen in dirty clothing and {Carer} refused access to the upstairs rooms."},
		{"I", bandLow, "Caller says {kids} {was} often out playing late in the evening without a coat and seems hungry. Does not know the family well."},
		{"I:k", bandMid, "Neighbour reports {kids} {was} left alone in the flat most evenings while {Carer} goes out; {Child} has knocked on the neighbour's door asking for food."},
	}, risks: []string{
		"Cumulative neglect: poor home conditions, missed health appointments and hunger over several months.",
		"{Child}'s basic needs are not being met consistently; risk to health and development.",
		"Young children left unsupervised; risk of accidental injury.",
		"{Carer} has not engaged with previous early help offers.",
	}, protective: []string{
		"{Carer} engaged with the school and accepted help with uniform and food vouchers.",
		"{Child} attends school regularly and is described as happy and settled.",
		"{Carer} recognises the concerns and has asked for support.",
		"Extended family provide practical help with childcare.",
	}},
	{key: "injury", label: "physical injury", maxAge: 17, need: "N1", texts: []tmpl{
		{"S", bandMid, "School reports {Child} has unexplained bruising to the upper arm, noticed during PE. {He} first said {he} fell over, then that {he} 'got grabbed'. {Carer} has not yet been spoken to."},
		{"S", bandHigh, "{Child} disclosed to {his} teacher that {partner} hit {him} with a belt last night because {he} would not go to bed. Staff saw linear bruising to the back of {his} legs. {He} is frightened to go home."},
		{"H", bandHigh, "{Child} was brought to the Emergency Department by {Carer} with a spiral fracture of the left arm. The account given (a fall from the sofa) is not consistent with the injury according to the paediatric registrar. Skeletal survey requested."},
		{"H:b", bandHigh, "Health visitor noticed a bruise to the cheek of {Child}, a non-mobile baby, at a routine visit. {Carer} could not explain it. Bruising in a non-mobile baby requires a child protection medical under the local protocol."},
		{"H", bandMid, "{Child} attended the Emergency Department with a burn to the hand from a hair straightener. {Carer} brought {him} promptly and the account is consistent; third attendance this year for minor injuries."},
		{"P", bandMid, "Police were called by a member of the public who saw {Carer} slap {Child} across the face outside a shop in {town}. {Carer} admitted losing {cher} temper; a red mark was visible but faded. No further police action."},
		{"I", bandMid, "{Child}'s aunt reports that {Child} has had a black eye and says {partner} 'loses it' with the children. She has not seen an assault herself."},
	}, risks: []string{
		"Unexplained injury to a child; account inconsistent or changing.",
		"Physical chastisement described by the child; risk of further physical harm.",
		"Age and vulnerability of the child: injuries to young children carry high risk.",
	}, protective: []string{
		"{Carer} sought medical help promptly.",
		"{Child} was able to tell a trusted adult what happened.",
		"No previous injuries or concerns recorded.",
	}},
	{key: "pmh", label: "parental mental health", maxAge: 17, family: true, need: "N3", texts: []tmpl{
		{"H", bandLow, "GP reports {Carer} has anxiety and low mood and is on medication; {cshe} is managing and the children's needs appear to be met. Referral is to ask whether early help could offer support with parenting."},
		{"H", bandMid, "{Carer} has disclosed low mood and thoughts of self-harm to {cher} GP; {cshe} is the main carer of {kids}. GP has increased medication and referred to the community mental health team. {Cshe} has no family support nearby."},
		{"H:y", bandMid, "Health visitor concerned about {Carer}'s postnatal depression: {cshe} is not sleeping, has stopped going out and says {cshe} does not feel bonded with {Child}. Perinatal mental health team referral made."},
		{"L", bandHigh, "{Carer} was detained under section 2 of the Mental Health Act this morning after becoming acutely psychotic; {kids} {was} in the home. There is no other adult to care for the children, who are with a neighbour."},
		{"P:t", bandHigh, "Police attended after {Carer} called saying {cshe} had taken an overdose. {Cshe} was taken to hospital. {kids} {was} at home and {Child} had been looking after the younger children for some hours."},
		{"I", bandMid, "{Child}'s grandmother is worried that {Carer} has stopped taking {cher} medication and is 'not making sense'; the children are missing school and the house is in a state."},
	}, risks: []string{
		"{Carer}'s mental health is deteriorating and affects {cher} ability to meet the children's needs.",
		"Children may be taking on caring responsibilities beyond their age.",
		"No other adult in the household to provide care if {Carer} becomes unwell.",
	}, protective: []string{
		"{Carer} is engaging with the GP and community mental health team.",
		"{Carer} recognised {cshe} was unwell and asked for help.",
		"Grandparents are willing to care for the children if needed.",
	}},
	{key: "substance", label: "parental substance misuse", maxAge: 17, family: true, need: "N1", texts: []tmpl{
		{"P", bandMid, "Police executed a drugs warrant at {address}. A small quantity of cannabis and drug paraphernalia was found within reach of the children. {Carer} and {partner} were arrested for possession; {kids} {was} cared for by a neighbour."},
		{"P", bandHigh, "Police found {Carer} unconscious from suspected heroin use at {time}, with {Child} alone in the flat. Naloxone was given. Used needles were found on the living-room floor."},
		{"L", bandMid, "Probation reports {partner}, who is often at the family home, has relapsed into crack cocaine use and has missed appointments. {Partner} has previous convictions for supplying drugs."},
		{"H", bandMid, "GP reports {Carer} has disclosed drinking a bottle of vodka a day and has been referred to the drug and alcohol service. {Cshe} is the sole carer of {kids}."},
		{"I", bandLow, "Caller reports a smell of cannabis from the flat most evenings and visitors at all hours. Has not seen the children at risk."},
		{"I", bandMid, "{Child}'s father says {Carer} is drinking heavily when the children are in {cher} care and drove them to school over the limit last week."},
	}, risks: []string{
		"Parental substance misuse affecting supervision and routine; risk of accidental ingestion.",
		"Associates of the household are involved in drug supply; risk of exploitation of the children.",
	}, protective: []string{
		"{Carer} is engaging with the drug and alcohol service and tests are negative.",
		"Another safe adult shares the care of the children.",
	}},
	{key: "cmh", label: "child mental health and self-harm", minAge: 9, maxAge: 17, need: "N6", texts: []tmpl{
		{"H", bandMid, "School nurse reports {Child} disclosed cutting {his} forearms over the last month; wounds superficial and cared for. {He} says things at home are 'fine' but is struggling with friendships."},
		{"H", bandHigh, "{Child} was admitted to the paediatric ward after taking an overdose of paracetamol. {He} has told staff {he} wanted to die and does not want to go home because of arguments with {Carer}."},
		{"S", bandLow, "{Org} reports {Child} has become withdrawn and tearful since moving up a year and has told a friend {he} feels 'worthless'. School counsellor is seeing {him} weekly; parents are supportive."},
		{"S", bandMid, "{Child} told the pastoral lead {he} has been self-harming and has thought about ending {his} life. {He} has a plan but says {he} would not act on it. School have contacted {Carer}, who is shocked."},
		{"H", bandMid, "CAMHS report {Child} has an eating disorder and is losing weight; {Carer} is struggling to support the meal plan and has asked for help."},
	}, risks: []string{
		"Self-harm escalating in frequency and severity.",
		"Suicidal thoughts; access to medication at home.",
	}, protective: []string{
		"{Carer} is supportive and has removed medication from the home.",
		"{Child} is engaging with CAMHS and the school counsellor.",
		"{Child} has good friendships and enjoys sport.",
	}},
	{key: "missing", label: "missing and exploitation", minAge: 11, maxAge: 17, need: "N6", texts: []tmpl{
		{"P", bandMid, "{Child} was reported missing overnight by {Carer} and returned at 10:00 the next day. {He} would not say where {he} had been. Third missing episode in two months. Return home interview to be offered."},
		{"P", bandHigh, "{Child} was found by police in {town} at 03:00 in the company of older males. {He} had a new phone and £200 in cash that {he} could not explain. Intelligence links the males to county lines drug supply."},
		{"P", bandHigh, "{Child} was found in a car with two adult men in a lay-by; {he} had been drinking and had love-bite marks on {his} neck. The men are known to police. Concerns of child sexual exploitation."},
		{"L", bandMid, "Youth justice worker reports {Child} has been arrested with a knife and is associating with older young people believed to be involved in drug dealing. {Carer} says {cshe} cannot stop {him} going out."},
		{"S", bandMid, "{Org} reports {Child} is often absent in the afternoons and has been seen getting into cars outside school. {He} has expensive new trainers and clothes."},
	}, risks: []string{
		"Repeat missing episodes; whereabouts unknown for long periods.",
		"Indicators of criminal exploitation: unexplained money, new phone, older associates.",
		"Indicators of sexual exploitation: older males, alcohol, gifts.",
	}, protective: []string{
		"{Carer} reports missing episodes promptly and wants help.",
		"{Child} has a good relationship with the youth worker.",
		"{Child} is attending school most mornings.",
	}},
	{key: "behaviour", label: "behaviour and family conflict", minAge: 8, maxAge: 17, need: "N5", texts: []tmpl{
		{"S", bandLow, "{Org} reports {Child} has been excluded for two days for fighting. {Carer} is supportive of the school but says {he} is also hard to manage at home and asks for parenting support."},
		{"S", bandMid, "{Child} has been excluded for five days after assaulting a member of staff. {Carer} reports {cshe} cannot manage {his} behaviour at home and {he} has damaged property and hit {his} younger sibling."},
		{"L:t", bandLow, "{Org} reports {Child} has had a youth caution for shoplifting. Family want help with {his} behaviour and peer group."},
		{"P", bandMid, "Police called by {Carer} after {Child} became violent at home, punching holes in doors and threatening {cherO}. {Carer} did not want {him} arrested but says {cshe} is frightened of {him}."},
		{"I", bandLow, "{Carer} called asking for help: {Child} is refusing to go to school and is up all night gaming. {Cshe} is at the end of {cher} tether."},
	}, risks: []string{
		"Child-on-parent violence; risk of family breakdown.",
		"Escalating behaviour and exclusions; risk of being drawn into offending.",
	}, protective: []string{
		"{Carer} is committed to {Child} and asking for help early.",
		"{Child} engages well with one trusted member of staff at school.",
	}},
	{key: "sexual", label: "sexual harm", minAge: 3, maxAge: 17, need: "N1", texts: []tmpl{
		{"S", bandHigh, "{Child} disclosed to {his} teacher that an adult family friend touched {him} inappropriately while babysitting last weekend. {He} was distressed and asked the teacher not to tell {Carer}."},
		{"P", bandHigh, "Police have been notified that a man recently released from prison for sexual offences against children has moved in with {Carer}. {kids} {was} living in the household."},
		{"H:g", bandHigh, "{Child}, aged {age}, attended the sexual health clinic and is pregnant; {he} says the father is a 19-year-old man {he} met online."},
		{"S", bandMid, "{Org} reports {Child} has shown sexualised behaviour towards other children that is not in keeping with {his} age. No disclosure made. {Carer} is not aware of any concerns."},
		{"L", bandMid, "Probation report that {partner}, a registered sex offender, has been visiting the family home, contrary to his licence conditions. {Carer} was not aware of his convictions."},
	}, risks: []string{
		"Disclosure of sexual abuse; the alleged abuser has continued access to the child.",
		"Adult posing a risk to children has contact with the household.",
	}, protective: []string{
		"{Child} made a clear disclosure to a trusted adult.",
		"{Carer} believed {Child} and acted to protect {him}.",
	}},
	{key: "online", label: "online safety", minAge: 10, maxAge: 17, need: "N6", texts: []tmpl{
		{"S", bandLow, "{Child} shared an indecent image of {him}self with a pupil at school, which has been deleted. Both families have been spoken to; no coercion or adult involvement identified."},
		{"S", bandMid, "An indecent image of {Child} has been circulated in a group chat at school. {He} is very distressed and has not attended since. Police have been informed."},
		{"P", bandHigh, "Police have identified that {Child} has been in contact with an adult male online who asked {him} to send images and to meet. {He} had arranged to meet him this weekend."},
	}, risks: []string{"Online contact with unknown adults; risk of grooming and sexual exploitation."},
		protective: []string{"{Carer} has put parental controls in place and is supervising phone use."}},
	{key: "housing", label: "housing and money worries", maxAge: 17, family: true, need: "N7", texts: []tmpl{
		{"L", bandLow, "Family served notice by their landlord and at risk of homelessness; rent arrears of £{n},000. {Carer} says {cshe} is skipping meals so the children can eat."},
		{"L", bandMid, "Housing officer reports the family are in a one-bedroom flat with severe damp and mould; {Child} has asthma and has had two hospital admissions. {Carer} is struggling and the children are sleeping in the living room."},
		{"S", bandLow, "{Org} reports the family has been evicted and are staying with friends; {Child} is arriving late and tired. {Carer} has asked the school for help with a housing letter."},
		{"I", bandLow, "{Carer} rang asking for help with food and electricity; {cshe} has had {cher} benefits sanctioned and has no money until the end of the month."},
	}, risks: []string{"Housing instability and financial hardship affecting the children's wellbeing and schooling."},
		protective: []string{"{Carer} is organised and already working with housing options.", "Children's needs are otherwise met; good school attendance."}},
	{key: "parenting", label: "parenting capacity", maxAge: 17, family: true, need: "N4", texts: []tmpl{
		{"I", bandLow, "{Child}'s grandmother is concerned that {Carer} leaves {Child} with different friends every weekend and 'isn't coping'. No specific incident."},
		{"I", bandMid, "Caller says {Carer} shouts and swears at {kids} constantly and has seen {cherO} drag {Child} along the street by the arm."},
		{"L", bandLow, "Family hub worker reports {Carer} is isolated and struggling with routines since the birth of {cher} youngest; {cshe} is keen to attend a parenting group."},
		{"L", bandMid, "{Org} reports {Carer} has a learning disability and is struggling to manage {Child}'s feeding and routines without daily prompting; the support of {cher} mother has recently ended."},
	}, risks: []string{"Parenting is inconsistent and the children's emotional needs may not be met."},
		protective: []string{"{Carer} is warm towards the children and wants support.", "The children are well attached to {Carer}."}},
	{key: "disability", label: "child's disability and carer stress", maxAge: 17, need: "N2", texts: []tmpl{
		{"I", bandLow, "{Carer} contacted us saying {cshe} is exhausted caring for {Child}, who has {dis}, and is not sleeping. {Cshe} is asking for a short break."},
		{"H", bandMid, "Paediatrician reports {Child}, who has {dis}, has missed several appointments and {his} equipment has not been collected. {Carer} says {cshe} is overwhelmed."},
		{"S", bandLow, "{Org} reports {Child} ({dis}) is distressed on arrival most mornings; {Carer} would like advice on support at home and a needs assessment."},
		{"L", bandMid, "{Org} reports {Carer}'s own health has deteriorated and {cshe} can no longer lift {Child}, who has {dis}. The family need an assessment of the child's needs and carer support."},
	}, risks: []string{"Carer breakdown; {Child}'s complex needs not being met."},
		protective: []string{"{Carer} is knowledgeable about {Child}'s needs and advocates well for {him}."}},
	{key: "carer", label: "young carer", minAge: 8, maxAge: 17, need: "N3", texts: []tmpl{
		{"S", bandLow, "{Child} is caring for {Carer}, who has multiple sclerosis; school notes {he} is tired and late most days. {Child} is keen to talk to a young carers worker."},
		{"H", bandMid, "School nurse reports {Child} does the shopping, cooking and {his} younger siblings' bedtimes because {Carer} is unwell; {his} attendance has dropped to {pct}%."},
	}, risks: []string{"Caring responsibilities are affecting {Child}'s education and wellbeing."},
		protective: []string{"{Child} is proud of caring for {his} family and is doing well at school."}},
	{key: "homeless", label: "16/17-year-old presenting as homeless", minAge: 16, maxAge: 17, need: "N5", texts: []tmpl{
		{"L", bandMid, "{Child} ({age}) presented at the housing office saying {he} has been asked to leave home after arguments with {partner}. {He} slept at a friend's last night and has nowhere to stay tonight."},
		{"I", bandMid, "{Child} called the front door saying {he} has been thrown out by {Carer} and is sofa-surfing. {He} is {age} and at college part time."},
	}, risks: []string{"A 16/17-year-old without safe accommodation: needs a social work assessment under the Southwark judgement."},
		protective: []string{"{Child} is in education and has a supportive older sibling."}},
	{key: "info", label: "request for information", maxAge: 17, family: true, need: "N9", texts: []tmpl{
		{"L", bandLow, "{Org} advise the family have moved into Northmoor from their area. Previous involvement: child in need plan closed last year. For information only; no current concerns."},
		{"L", bandLow, "Request for information from {org} about the family as part of a private law child arrangements application."},
		{"P", bandLow, "Police notification for information: {Carer} was the victim of a theft from a car; {kids} {was} not present. No safeguarding concerns identified."},
	}, risks: []string{"No current risks identified."}, protective: []string{"Family known to be engaging with universal services."}},
	{key: "prebirth", label: "pre-birth concerns", need: "N1", texts: []tmpl{
		{"H", bandMid, "Midwife reports {Carer} is {weeks} weeks pregnant and booked late. {Cshe} has a history of depression, and {partner} has a conviction for assault. Previous children live with their paternal grandmother."},
		{"H", bandHigh, "Safeguarding midwife reports {Carer} is {weeks} weeks pregnant; {cher} two previous children were removed from {cher} care in another authority because of neglect and substance misuse. {Cshe} says {cshe} is now clean."},
		{"H", bandLow, "Midwife reports {Carer}, aged 17, is {weeks} weeks pregnant and living with {cher} mother. Support needs around parenting and education; no safeguarding concerns."},
	}, risks: []string{"Previous children removed; risk that the unborn baby's needs will not be met after birth."},
		protective: []string{"{Carer} is attending all antenatal appointments.", "{Carer}'s own mother is supportive."}},
	{key: "general", label: "concerns about the children's welfare", maxAge: 17, family: true, need: "N0", texts: []tmpl{
		{"PSHLI", bandLow, "Referrer shared information about {kids} for the front door's awareness; no immediate concerns about the care {kids} {was} receiving."},
		{"PSHLI", bandMid, "Referrer is worried about {kids} and describes a pattern of concerns over recent weeks: {Carer} seems to be struggling and the home is chaotic. No single incident."},
		{"PSHLI", bandHigh, "Referrer reports a serious incident at the family home today and believes {kids} may not be safe there tonight. {Carer} could not be contacted."},
	}, risks: []string{"Concerns are not yet clear; information gathering needed."},
		protective: []string{"{Carer} has engaged with services in the past."}},
}
