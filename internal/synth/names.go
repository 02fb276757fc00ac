package synth

// Names. Each list holds common given or family names of one heritage, most
// common first (pickCommon favours the start of a list). Spellings that
// people really mix up sit side by side — Smith and Smyth, Mohammed,
// Muhammad and Mohammad, Catherine and Kathryn, Jon and Jonathan, Aaliyah
// and Aliyah, Thompson and Thomson, Clarke and Clark, Hussain and Hussein —
// so that the people search has near-misses to find. These are common names
// only; no list names a real person, and none is taken from the source papers.

// nameGroup is the names of one heritage.
type nameGroup struct {
	boys, girls  []string // children's given names
	men, women   []string // parents' generation
	older        []string // grandparents' generation, men then women
	olderWomen   []string
	family       []string
	firstTongues []string // first languages other than English, most common first
	religions    []string
}

// The heritage groups used by the ethnicity codes.
const (
	grpBritish = iota
	grpIrish
	grpTraveller
	grpRoma
	grpEastEurope
	grpPakistani
	grpBangladeshi
	grpIndian
	grpOtherAsian
	grpCaribbean
	grpAfrican
	grpChinese
	grpMiddleEast
)

var nameGroups = [...]nameGroup{
	grpBritish: {
		boys: []string{"Oliver", "Jack", "Harry", "Charlie", "Alfie", "George", "Noah", "Leo", "Jacob",
			"Freddie", "Archie", "Riley", "Mason", "Tyler", "Logan", "Ethan", "Kai", "Jayden",
			"Thomas", "Tommy", "Reggie", "Teddy", "Frankie", "Max", "Harley", "Brandon", "Kian", "Connor",
			"Conor", "Callum", "Zachary", "Zak", "Dylan", "Jamie", "Ollie", "Bobby", "Ronnie", "Louie",
			"Jon", "Jonathan", "Stanley", "Albie", "Theo", "Finley", "Finlay"},
		girls: []string{"Olivia", "Amelia", "Isla", "Ava", "Mia", "Lily", "Poppy", "Evie", "Grace",
			"Ella", "Sophie", "Sophia", "Sofia", "Ruby", "Chloe", "Freya", "Isabelle", "Isabel", "Isobel",
			"Millie", "Lacey", "Paige", "Kayleigh", "Leah", "Lea", "Skye", "Willow", "Darcie", "Darcey",
			"Harper", "Scarlett", "Maisie", "Esme", "Phoebe", "Aaliyah", "Aliyah", "Katie", "Caitlin",
			"Katelyn", "Holly", "Summer", "Macie", "Zoë", "Zoe", "Bella", "Rosie"},
		men: []string{"Daniel", "Ryan", "Lee", "Craig", "Jamie", "Liam", "Adam", "Ashley", "Dean",
			"Darren", "Carl", "Scott", "Wayne", "Jason", "Kyle", "Shaun", "Sean", "Mark", "Steven",
			"Stephen", "Jon", "Jonathan", "Michael", "Christopher", "Matthew", "Luke", "Jordan",
			"Aaron", "Gareth", "Nathan", "Dale", "Ricky", "Stuart", "Martin"},
		women: []string{"Sarah", "Emma", "Gemma", "Laura", "Amy", "Stacey", "Kelly", "Hayley", "Leanne",
			"Danielle", "Jade", "Charlotte", "Rebecca", "Kirsty", "Natalie", "Samantha", "Chelsea",
			"Kayleigh", "Catherine", "Kathryn", "Katie", "Rachel", "Nicola", "Jodie", "Shannon", "Zoe",
			"Lauren", "Jessica", "Toni", "Kerry", "Sophie", "Michelle", "Lisa", "Claire", "Clare"},
		older: []string{"David", "Michael", "Peter", "Paul", "Alan", "Stephen", "Gary", "Kevin", "Ian",
			"Keith", "Brian", "Robert", "Graham", "Colin"},
		olderWomen: []string{"Susan", "Julie", "Karen", "Linda", "Tracey", "Tracy", "Deborah",
			"Christine", "Margaret", "Angela", "Carol", "Denise", "Lorraine", "Jacqueline", "Wendy"},
		family: []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
			"Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
			"Wood", "Jackson", "Clarke", "Harris", "Turner", "Hill", "Moore", "Cooper", "Ward",
			"Morris", "King", "Baker", "Harrison", "Morgan", "Allen", "Barker", "Atkinson", "Shaw",
			"Bennett", "Marshall", "Fletcher", "Ellis", "Holmes", "Pearson", "Parker", "Dixon",
			"Graham", "Armstrong", "Robson", "Nicholson", "Bell", "Richardson", "Clark", "Thomson",
			"Smyth", "Forster", "Foster", "Stephenson", "Stevenson", "Hodgson", "Hodson", "Wilkinson",
			"Irving", "Irvine", "Tyson", "Nixon", "Routledge", "Bowman"},
		religions: []string{"No religion", "Christian", "Church of England", "Roman Catholic"},
	},
	grpIrish: {
		boys:       []string{"Sean", "Conor", "Cian", "Kian", "Oisin", "Ronan", "Darragh", "Fionn", "Cillian", "Jack", "Liam"},
		girls:      []string{"Aoife", "Niamh", "Siobhan", "Ciara", "Kiara", "Saoirse", "Aisling", "Roisin", "Caoimhe", "Erin"},
		men:        []string{"Declan", "Brendan", "Ciaran", "Padraig", "Eoin", "Kevin", "Colm", "Shane", "Shaun"},
		women:      []string{"Siobhan", "Orla", "Sinead", "Maeve", "Deirdre", "Grainne", "Aine", "Niamh"},
		older:      []string{"Patrick", "Gerard", "Francis", "Noel"},
		olderWomen: []string{"Bernadette", "Eileen", "Kathleen", "Maureen"},
		family: []string{"Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Sullivan", "Walsh", "McCarthy",
			"Gallagher", "Doherty", "Kennedy", "Lynch", "Quinn", "Brennan", "Fitzgerald", "O'Connor",
			"O'Neill", "Nolan", "Keane", "Dunne", "Farrell"},
		firstTongues: []string{"Irish"},
		religions:    []string{"Roman Catholic", "No religion", "Christian"},
	},
	grpTraveller: {
		boys:       []string{"Patrick", "Michael", "Martin", "Thomas", "Paddy", "Francie", "Christy", "Jimmy", "Mikey", "Edward"},
		girls:      []string{"Bridget", "Mary", "Margaret", "Kathleen", "Nora", "Ellen", "Winnie", "Chantelle", "Shannon", "Tiffany"},
		men:        []string{"Martin", "Patrick", "Michael", "Christopher", "Edward", "James", "Thomas"},
		women:      []string{"Bridget", "Mary", "Kathleen", "Margaret", "Ellen", "Julia", "Helen"},
		older:      []string{"Patrick", "Michael", "Martin"},
		olderWomen: []string{"Bridget", "Mary", "Nora"},
		family: []string{"Ward", "McDonagh", "McDonough", "Connors", "Joyce", "Maughan", "McGinley",
			"Sherlock", "Quilligan", "Casey", "Delaney", "Furey", "Collins", "O'Driscoll"},
		religions: []string{"Roman Catholic"},
	},
	grpRoma: {
		boys:       []string{"Marek", "Patrik", "Denis", "Roman", "Lukas", "Florin", "Ionut", "Vasile", "Adrian", "Mario", "Dominik", "Levi", "Riley"},
		girls:      []string{"Denisa", "Nikola", "Adriana", "Simona", "Alexandra", "Bianca", "Claudia", "Roxana", "Klaudia", "Vanesa", "Ruby", "Lacey"},
		men:        []string{"Ladislav", "Milan", "Jozef", "Stefan", "Gheorghe", "Costel", "Marian", "Levi", "Nelson"},
		women:      []string{"Monika", "Renata", "Maria", "Elena", "Florentina", "Gabriela", "Ivana", "Lavinia"},
		older:      []string{"Ladislav", "Gheorghe", "Ion"},
		olderWomen: []string{"Maria", "Elena", "Margita"},
		family: []string{"Lakatos", "Horvath", "Balog", "Olah", "Oláh", "Gabor", "Rostas", "Stoica", "Dumitru",
			"Lacatus", "Sarkozi", "Kotlar", "Dudi", "Lee", "Boswell", "Price", "Lovell", "Loveridge", "Buckland"},
		firstTongues: []string{"Romanian", "Romani", "Slovak", "Czech"},
		religions:    []string{"Pentecostal", "Roman Catholic", "Orthodox Christian"},
	},
	grpEastEurope: {
		boys: []string{"Jakub", "Kacper", "Filip", "Szymon", "Antoni", "Oskar", "Wiktor", "Andrei", "Alexandru",
			"Stefan", "Lukas", "Matas", "Tiago", "Rodrigo", "Nikolai", "Daniel", "Łukasz", "Lukasz"},
		girls: []string{"Zuzanna", "Julia", "Maja", "Lena", "Oliwia", "Hanna", "Wiktoria", "Andreea", "Ioana",
			"Emilija", "Gabija", "Beatriz", "Leonor", "Viktoria", "Natalia", "Amelia"},
		men: []string{"Piotr", "Tomasz", "Krzysztof", "Marcin", "Pawel", "Paweł", "Mariusz", "Mihai", "Florin",
			"Darius", "Tadas", "Rui", "Nuno", "Georgi", "Lukasz"},
		women: []string{"Agnieszka", "Katarzyna", "Magdalena", "Anna", "Joanna", "Monika", "Ana", "Cristina",
			"Elena", "Rasa", "Inga", "Sandra", "Ewelina"},
		older:      []string{"Andrzej", "Zbigniew", "Ion", "Jose"},
		olderWomen: []string{"Barbara", "Krystyna", "Maria", "Teresa"},
		family: []string{"Nowak", "Mazur", "Krawczyk", "Kaczmarek", "Wozniak", "Woźniak", "Sikora", "Baran",
			"Duda", "Pawlak", "Michalak", "Zajac", "Krol", "Popescu", "Ionescu", "Popa", "Radu", "Stan",
			"Ferreira", "Santos", "Silva", "Pereira", "Costa", "Oliveira", "Horvat", "Kovac", "Novak"},
		firstTongues: []string{"Polish", "Romanian", "Lithuanian", "Portuguese", "Bulgarian", "Latvian", "Slovak"},
		religions:    []string{"Roman Catholic", "Orthodox Christian", "No religion"},
	},
	grpPakistani: {
		boys: []string{"Muhammad", "Mohammed", "Mohammad", "Ibrahim", "Yusuf", "Zain", "Hamza", "Ayaan", "Musa",
			"Ali", "Haris", "Rayan", "Zayan", "Eesa", "Isa", "Abdullah", "Umar", "Omar"},
		girls: []string{"Aisha", "Ayesha", "Maryam", "Mariam", "Zara", "Hafsa", "Inaya", "Inaaya", "Khadija",
			"Fatima", "Eesha", "Aleena", "Hania", "Zoya", "Safa", "Aaliyah", "Aliyah"},
		men: []string{"Imran", "Asif", "Tariq", "Kashif", "Adnan", "Naveed", "Shahid", "Zubair", "Mohammed",
			"Muhammad", "Waqar", "Faisal", "Usman"},
		women: []string{"Nadia", "Saima", "Rubina", "Shazia", "Samina", "Farah", "Nazia", "Asma", "Sadia",
			"Uzma", "Bushra", "Humaira"},
		older:      []string{"Mohammed", "Abdul", "Bashir", "Rashid"},
		olderWomen: []string{"Parveen", "Nasreen", "Zubeda", "Shamim"},
		family: []string{"Khan", "Hussain", "Ahmed", "Ali", "Iqbal", "Akhtar", "Mahmood", "Butt", "Rehman",
			"Shah", "Raza", "Malik", "Aslam", "Javed", "Bashir", "Qureshi", "Mirza", "Hussein", "Ahmad"},
		firstTongues: []string{"Urdu", "Punjabi", "Pahari", "Mirpuri"},
		religions:    []string{"Muslim"},
	},
	grpBangladeshi: {
		boys:  []string{"Ayaan", "Rayyan", "Tahmid", "Ishaq", "Zakariya", "Arham", "Mohammed", "Mohammad", "Abdul", "Nabil"},
		girls: []string{"Tasnim", "Nusrat", "Safa", "Ruqayyah", "Humayra", "Aliyah", "Aaliyah", "Inaya", "Samiha", "Nafisa"},
		men:   []string{"Abdul", "Shahid", "Jamal", "Anwar", "Kamal", "Rashid", "Sohel", "Mizanur"},
		women: []string{"Shirin", "Rokeya", "Nasima", "Rumana", "Shamima", "Salma", "Jahanara", "Rehana"},
		older: []string{"Abdul", "Mohammed", "Nurul"}, olderWomen: []string{"Rahima", "Jamila", "Amena"},
		family: []string{"Rahman", "Uddin", "Miah", "Islam", "Ahmed", "Chowdhury", "Choudhury", "Hossain",
			"Hussain", "Ali", "Mia"},
		firstTongues: []string{"Bengali", "Sylheti"},
		religions:    []string{"Muslim"},
	},
	grpIndian: {
		boys:  []string{"Arjun", "Aarav", "Krish", "Dev", "Harjot", "Rohan", "Aryan", "Vihaan", "Jaskaran", "Ishaan", "Kabir", "Om"},
		girls: []string{"Priya", "Anaya", "Simran", "Diya", "Navneet", "Aanya", "Riya", "Isha", "Jasleen", "Kiran", "Saanvi"},
		men:   []string{"Rajesh", "Sanjay", "Vikram", "Sunil", "Harpreet", "Gurpreet", "Manpreet", "Amit", "Ravi", "Deepak", "Jaswinder"},
		women: []string{"Sunita", "Priya", "Anjali", "Rupinder", "Kulwinder", "Meena", "Pooja", "Neha", "Kavita", "Sandeep"},
		older: []string{"Mohan", "Baldev", "Ramesh"}, olderWomen: []string{"Kamla", "Surinder", "Usha"},
		family: []string{"Patel", "Singh", "Sharma", "Mistry", "Gill", "Sandhu", "Kumar", "Shah", "Parmar",
			"Chauhan", "Dhillon", "Bains", "Johal", "Sidhu", "Gupta"},
		firstTongues: []string{"Punjabi", "Gujarati", "Hindi", "Tamil"},
		religions:    []string{"Sikh", "Hindu", "Muslim"},
	},
	grpOtherAsian: {
		boys:  []string{"Ahmad", "Farhan", "Bishal", "Sujan", "Kishan", "Niroshan", "Mustafa", "Sahil", "Bilal", "Gabriel"},
		girls: []string{"Sita", "Anusha", "Tharshika", "Marwa", "Sana", "Angel", "Nisha", "Mahnoor", "Kristine"},
		men:   []string{"Ahmad", "Mohammad", "Karim", "Bikash", "Suresh", "Rajan", "Jose", "Mahmood"},
		women: []string{"Fatima", "Sadia", "Laxmi", "Kamala", "Nirmala", "Maria", "Rosalie", "Gulalai"},
		older: []string{"Ahmad", "Bahadur"}, olderWomen: []string{"Laxmi", "Gulbibi"},
		family: []string{"Ahmadi", "Karimi", "Sultani", "Hashimi", "Noori", "Gurung", "Rai", "Thapa", "Tamang",
			"Perera", "Fernando", "Sivakumar", "Reyes", "Cruz"},
		firstTongues: []string{"Pashto", "Dari", "Nepali", "Tamil", "Tagalog", "Sinhala"},
		religions:    []string{"Muslim", "Hindu", "Buddhist", "Roman Catholic"},
	},
	grpCaribbean: {
		boys: []string{"Malachi", "Isaiah", "Elijah", "Jaden", "Tyrese", "Kai", "Reuben", "Zion", "Marley",
			"Nathaniel", "Josiah", "Kemar", "Jayden"},
		girls: []string{"Amara", "Tianna", "Nevaeh", "Jada", "Kiara", "Shanice", "Aaliyah", "Aliyah", "Imani",
			"Tia", "Chantelle", "Demi", "Leah"},
		men:   []string{"Jermaine", "Marcus", "Andre", "Leon", "Delroy", "Winston", "Clive", "Dwayne", "Curtis", "Tyrone"},
		women: []string{"Marcia", "Sharon", "Paulette", "Yvonne", "Simone", "Tanya", "Natasha", "Claudette", "Shanelle"},
		older: []string{"Winston", "Errol", "Trevor", "Clive"}, olderWomen: []string{"Hyacinth", "Joyce", "Beverley", "Pauline"},
		family: []string{"Campbell", "Francis", "Henry", "Thomas", "Grant", "Stewart", "Reid", "Bailey", "Morgan",
			"Brown", "Williams", "Clarke", "Clark", "Robinson", "Powell", "Gordon", "McKenzie", "Samuels",
			"Bryan", "Lawrence"},
		religions: []string{"Christian", "Pentecostal", "Seventh-day Adventist", "Rastafari", "No religion"},
	},
	grpAfrican: {
		boys: []string{"Daniel", "Samuel", "David", "Emmanuel", "Joshua", "Tobi", "Chidi", "Kwame", "Kofi",
			"Tendai", "Abdi", "Abdullahi", "Mohamed", "Yonas", "Dawit"},
		girls: []string{"Blessing", "Precious", "Favour", "Adaeze", "Ama", "Esi", "Chioma", "Amina", "Hodan",
			"Hibo", "Ifrah", "Yordanos", "Rahel", "Tanaka", "Grace"},
		men: []string{"Oluwaseun", "Chukwuemeka", "Kwabena", "Yaw", "Emeka", "Tunde", "Ahmed", "Abdirahman",
			"Tesfaye", "Tafadzwa", "Jean"},
		women: []string{"Funmilayo", "Ngozi", "Abena", "Akosua", "Folasade", "Chiamaka", "Faduma", "Sahra",
			"Hawa", "Ayaan", "Mulu", "Rudo"},
		older: []string{"Kwaku", "Abdullahi", "Olu"}, olderWomen: []string{"Comfort", "Halima", "Beatrice"},
		family: []string{"Okafor", "Adeyemi", "Mensah", "Asante", "Osei", "Okoro", "Nwosu", "Adebayo",
			"Boateng", "Owusu", "Abdi", "Hassan", "Warsame", "Farah", "Yusuf", "Tesfay", "Haile", "Moyo",
			"Ndlovu", "Mukendi", "Ilunga", "Kamara", "Sesay", "Bangura"},
		firstTongues: []string{"Somali", "Yoruba", "Tigrinya", "Arabic", "Twi", "Lingala", "Amharic", "Igbo", "Shona"},
		religions:    []string{"Christian", "Muslim", "Pentecostal"},
	},
	grpChinese: {
		boys:  []string{"Wei", "Jun", "Hao", "Ethan", "Lucas", "Ryan", "Jayden", "Yi"},
		girls: []string{"Mei", "Xin", "Jia", "Chloe", "Emily", "Amy", "Ling", "Yan"},
		men:   []string{"Wei", "Jian", "Ming", "Kwok", "Tony", "Kenneth", "Hong"},
		women: []string{"Li", "Mei", "Ying", "Jenny", "Winnie", "Hui", "Xiaoling"},
		older: []string{"Chun", "Kwok"}, olderWomen: []string{"Lai", "Siu"},
		family: []string{"Chen", "Wang", "Li", "Zhang", "Liu", "Wong", "Chan", "Lam", "Ng", "Cheung", "Lau",
			"Yang", "Huang", "Ho", "Leung"},
		firstTongues: []string{"Cantonese", "Mandarin"},
		religions:    []string{"No religion", "Buddhist", "Christian"},
	},
	grpMiddleEast: {
		boys: []string{"Omar", "Yousef", "Karim", "Amir", "Adam", "Ali", "Hassan", "Hussein", "Mustafa",
			"Ahmad", "Zana", "Aram", "Dara"},
		girls: []string{"Layla", "Noor", "Rania", "Hana", "Sara", "Maryam", "Lana", "Dilan", "Shilan", "Yasmin", "Jana"},
		men:   []string{"Khalid", "Mahmoud", "Samir", "Walid", "Rebwar", "Karwan", "Reza", "Hamid"},
		women: []string{"Huda", "Amal", "Rasha", "Samira", "Zeinab", "Nasrin", "Shirin", "Parisa"},
		older: []string{"Abdullah", "Jamal"}, olderWomen: []string{"Fatima", "Khadija"},
		family: []string{"Al-Hassan", "Haddad", "Mansour", "Rashid", "Hosseini", "Rezaei", "Ahmadi",
			"Mohammadi", "Saleh", "Abdullah", "Aziz", "Karimi", "Salih", "Mahmoud"},
		firstTongues: []string{"Arabic", "Kurdish Sorani", "Farsi", "Kurdish Kurmanji"},
		religions:    []string{"Muslim", "Christian", "No religion"},
	},
}
