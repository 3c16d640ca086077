"""A sample of people, as a pharmacist would enter them, whose every output is kept as it was
before a refactor: the command line's table and JSON, the calendar, the card's rich text and
the window's result texts. A change to any of them must be an intended one (regenerate with
``python -m tests.golden.outputs``)."""

from __future__ import annotations

PEOPLE: dict[str, list[str]] = {
    "default": [],
    "sleep-anxiety-sertraline": [
        "--goal", "sleep", "--goal", "anxiety", "--target", "300",
        "--product", "glycinate:100:capsule",
        "--med", "sertraline@08:00", "--med", "calcium@12:00",
    ],
    "crowded": [
        "--goal", "constipation", "--goal", "sleep", "--target", "350",
        "--product-compound", "glycinate:500:capsule", "--product", "citrate:75:tablet:half",
        "--med", "calcium@10:00", "--med", "sertraline@08:00", "--med", "omeprazole@07:00",
        "--med", "furosemide@09:00", "--med", "zinc@13:00",
    ],
    "kidney-blocked": ["--condition", "kidney-disease", "--product", "glycinate:100:capsule"],
    "kidney-supervised": [
        "--condition", "kidney-disease", "--supervised", "--target", "200",
        "--goal", "sleep", "--product", "glycinate:100:capsule",
    ],
    "heart-block": ["--condition", "heart-block", "--goal", "heart"],
    "cipro-many": [
        "--goal", "sleep",
        "--med", "ciprofloxacin@08:00", "--med", "ciprofloxacin@20:00",
        "--med", "sertraline@12:00", "--med", "levothyroxine@22:00",
    ],
    "doxycycline-bid": [
        "--goal", "depression",
        "--med", "doxycycline@08:00", "--med", "doxycycline@20:00",
        "--med", "sertraline@09:00", "--med", "trazodone@22:00",
    ],
    "alendronate-weekly": ["--goal", "cramps", "--med", "alendronate@07:00/mon"],
    "alendronate-late-sleeper": [
        "--goal", "sleep", "--wake", "10:00", "--bed", "02:00",
        "--med", "alendronate@00:30/sat,tue",
    ],
    "dolutegravir": ["--goal", "anxiety", "--med", "dolutegravir@09:00"],
    "bictegravir": ["--goal", "sleep", "--med", "bictegravir@08:00"],
    "raltegravir": ["--goal", "sleep", "--med", "raltegravir@08:00"],
    "oxide-diarrhoea": ["--form", "oxide", "--condition", "diarrhoea", "--goal", "constipation"],
    "epsom": ["--form", "sulfate", "--goal", "cramps"],
    "citrate-for-sleep": ["--goal", "sleep", "--product", "citrate:100:tablet"],
    "threonate": ["--goal", "cognition", "--product", "l-threonate:48:capsule"],
    "threonate-and-glycinate": [
        "--goal", "cognition", "--goal", "sleep",
        "--product", "l-threonate:48:capsule", "--product", "glycinate:120:capsule",
    ],
    "pregnant": ["--goal", "cramps", "--sex", "female", "--age", "30", "--pregnant"],
    "lactating": ["--goal", "sleep", "--sex", "female", "--age", "29", "--lactating"],
    "pregnant-13": ["--goal", "cramps", "--sex", "female", "--age", "13", "--pregnant"],
    "child-migraine": ["--goal", "migraine", "--age", "10"],
    "teen": ["--goal", "sleep", "--age", "16", "--sex", "male"],
    "eu-limit": ["--goal", "constipation", "--limit", "eu", "--target", "400"],
    "above-limit": ["--goal", "repletion", "--target", "500"],
    "other-magnesium": ["--goal", "sleep", "--other-magnesium", "150"],
    "night-shift": [
        "--goal", "sleep", "--wake", "15:00", "--bed", "07:00",
        "--meal", "16:00", "--meal", "23:30", "--meal", "04:00",
    ],
    "stated-spacing": [
        "--goal", "anxiety", "--med", "mystery-pill@09:00", "--med-spacing", "mystery-pill=3",
    ],
    "brand-with-strength": ["--goal", "sleep", "--med", "Zoloft 50 mg@09:00"],
    "many-goals": [
        "--goal", "sleep", "--goal", "anxiety", "--goal", "depression",
        "--goal", "constipation", "--goal", "migraine", "--goal", "heart",
    ],
    "myasthenia": ["--condition", "myasthenia-gravis", "--goal", "cramps"],
    "malabsorption-alcohol": [
        "--condition", "malabsorption", "--condition", "alcohol-use-disorder",
        "--goal", "repletion",
    ],
    "gabapentin-iron": [
        "--goal", "sleep", "--med", "gabapentin@08:00", "--med", "gabapentin@20:00",
        "--med", "iron@12:00",
    ],
    "half-tablets": ["--goal", "cramps", "--product", "citrate:75:tablet:half"],
    "powder-ml": ["--goal", "constipation", "--product", "citrate:60:ml"],
    "short-day": [
        "--goal", "sleep", "--wake", "09:00", "--bed", "15:30", "--meal", "10:00",
        "--meal", "14:00",
    ],
    "named-card": [
        "--goal", "sleep", "--name", "Maria Jensen", "--prepared-by", "A. Lund, RD",
    ],
}  # fmt: skip
